"""Visits and Planner sections: the inspection editor (checklist with live score,
photos with thumbnails, findings, submit/amend) and the visit-frequency planner."""

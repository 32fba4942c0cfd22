"""The Partners section (每户一卡): paged table, search and filters, card, edit form,
lifecycle dialog, import/export."""

"""IMET: the nominations embassies post (`nominations`), the completions partners had before the
service (`history`), and the rule that counts each partner's year from one of them, never both
(`coverage`)."""

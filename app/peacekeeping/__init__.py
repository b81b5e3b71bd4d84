"""UN peacekeeping: monthly snapshots of uniformed personnel by country, mission and gender."""

from enum import StrEnum


class Metric(StrEnum):
    CWD_ALL_WOMEN_TEAMS = "cwd_all_women_teams"
    CWD_MIXED_TEAMS = "cwd_mixed_teams"
    CWD_WOMEN_IN_LEADERSHIP = "cwd_women_in_leadership"
    CWD_WOMEN_PERSONNEL = "cwd_women_personnel"
    FACILITY_UPGRADES_COMPLETED = "facility_upgrades_completed"
    GDRP_WOMEN_COUNTERPARTS = "gdrp_women_counterparts"
    IMET_WOMEN_COMPLETED = "imet_women_completed"
    IMET_WOMEN_SHARE = "imet_women_share"
    OBLIGATIONS = "obligations"
    PARTICIPANTS_TRAINED = "participants_trained"
    PEACEKEEPING_PARTNER_WOMEN_SHARE = "peacekeeping_partner_women_share"
    POLICY_MILESTONES = "policy_milestones"
    WOMEN_BEDS_ADDED = "women_beds_added"
    WOMEN_TRAINED = "women_trained"

    def __str__(self) -> str:
        return str(self.value)

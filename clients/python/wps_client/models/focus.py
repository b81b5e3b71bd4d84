from enum import StrEnum


class Focus(StrEnum):
    EDUCATION = "education"
    HR_REFORM = "hr_reform"
    RECRUITMENT = "recruitment"
    STRATEGIC_PLANNING = "strategic_planning"
    WPS_POLICY = "wps_policy"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    EMBASSY = "embassy"
    INTEGRATION = "integration"

    def __str__(self) -> str:
        return str(self.value)

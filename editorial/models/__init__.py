from .glossary import GlossaryEntry
from .tasks import HouseStyleCheckTask, HouseStyleTaskState, SeparatedApprovalTask

__all__ = ["GlossaryEntry", "HouseStyleCheckTask", "HouseStyleTaskState", "SeparatedApprovalTask"]

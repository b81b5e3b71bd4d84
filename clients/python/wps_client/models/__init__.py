"""Contains all the data models used in inputs/outputs"""

from .activity import Activity
from .advisory_engagements_list_format_type_0 import AdvisoryEngagementsListFormatType0
from .aggregation import Aggregation
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_read import ApiKeyRead
from .api_keys_list_format_type_0 import ApiKeysListFormatType0
from .audit_event_read import AuditEventRead
from .audit_event_read_details_type_0 import AuditEventReadDetailsType0
from .audit_events_list_format_type_0 import AuditEventsListFormatType0
from .benchmark_read import BenchmarkRead
from .benchmark_write import BenchmarkWrite
from .change_feed import ChangeFeed
from .change_read import ChangeRead
from .completions_by_partner import CompletionsByPartner
from .completions_by_year import CompletionsByYear
from .completions_filters import CompletionsFilters
from .completions_filters_group_by import CompletionsFiltersGroupBy
from .completions_report import CompletionsReport
from .completions_totals import CompletionsTotals
from .composition import Composition
from .counterparts import Counterparts
from .counterparts_read import CounterpartsRead
from .course_in import CourseIn
from .course_read import CourseRead
from .course_update import CourseUpdate
from .cwd_rosters_list_format_type_0 import CwdRostersListFormatType0
from .cwd_teams_figures import CwdTeamsFigures
from .cwd_teams_filters import CwdTeamsFilters
from .cwd_teams_list_format_type_0 import CwdTeamsListFormatType0
from .cwd_teams_report import CwdTeamsReport
from .cwd_teams_row import CwdTeamsRow
from .delivery import Delivery
from .delivery_read import DeliveryRead
from .direction import Direction
from .engagement_create import EngagementCreate
from .engagement_read import EngagementRead
from .engagement_update import EngagementUpdate
from .event_type import EventType
from .facility_upgrade_create import FacilityUpgradeCreate
from .facility_upgrade_read import FacilityUpgradeRead
from .facility_upgrade_update import FacilityUpgradeUpdate
from .facility_upgrades_list_format_type_0 import FacilityUpgradesListFormatType0
from .fact_sheet import FactSheet
from .fact_sheet_changes import FactSheetChanges
from .fact_sheet_changes_changes import FactSheetChangesChanges
from .fact_sheet_changes_changes_additional_property import FactSheetChangesChangesAdditionalProperty
from .fact_sheet_changes_filters import FactSheetChangesFilters
from .fact_sheet_filters import FactSheetFilters
from .fact_sheet_format_type_0 import FactSheetFormatType0
from .feature import Feature
from .field_error import FieldError
from .figure import Figure
from .figure_change import FigureChange
from .figure_change_moved_by import FigureChangeMovedBy
from .figure_change_moved_by_additional_property import FigureChangeMovedByAdditionalProperty
from .figure_inputs import FigureInputs
from .figure_inputs_records import FigureInputsRecords
from .focus import Focus
from .funding_filters import FundingFilters
from .funding_report import FundingReport
from .funding_row import FundingRow
from .funding_totals import FundingTotals
from .funding_type import FundingType
from .health_live_response_health_live import HealthLiveResponseHealthLive
from .imet_history_create import ImetHistoryCreate
from .imet_history_list_format_type_0 import ImetHistoryListFormatType0
from .imet_history_read import ImetHistoryRead
from .imet_history_update import ImetHistoryUpdate
from .implementer_create import ImplementerCreate
from .implementer_kind import ImplementerKind
from .implementer_read import ImplementerRead
from .implementer_update import ImplementerUpdate
from .implementers_list_format_type_0 import ImplementersListFormatType0
from .import_summary import ImportSummary
from .imports_cwd_teams_json_team_import_import import ImportsCwdTeamsJsonTeamImportImport
from .imports_facility_upgrades_json_facility_upgrade_create_import import (
    ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport,
)
from .imports_imet_history_json_imet_history_create_import import ImportsImetHistoryJsonImetHistoryCreateImport
from .imports_obligations_json_obligation_create_import import ImportsObligationsJsonObligationCreateImport
from .imports_policy_milestones_json_milestone_create_import import ImportsPolicyMilestonesJsonMilestoneCreateImport
from .imports_trainings_json_training_create_import import ImportsTrainingsJsonTrainingCreateImport
from .indicator_create import IndicatorCreate
from .indicator_read import IndicatorRead
from .indicator_read_metric_filters import IndicatorReadMetricFilters
from .indicator_results_list_format_type_0 import IndicatorResultsListFormatType0
from .indicator_status import IndicatorStatus
from .indicator_update import IndicatorUpdate
from .indicators_list_format_type_0 import IndicatorsListFormatType0
from .kind import Kind
from .lock_read import LockRead
from .measure import Measure
from .member_in import MemberIn
from .member_read import MemberRead
from .membership_create import MembershipCreate
from .membership_read import MembershipRead
from .membership_update import MembershipUpdate
from .memberships_list_format_type_0 import MembershipsListFormatType0
from .metric import Metric
from .metric_filters import MetricFilters
from .milestone_create import MilestoneCreate
from .milestone_kind import MilestoneKind
from .milestone_read import MilestoneRead
from .milestone_update import MilestoneUpdate
from .milestones_filters import MilestonesFilters
from .milestones_report import MilestonesReport
from .milestones_row import MilestonesRow
from .milestones_totals import MilestonesTotals
from .nomination_create import NominationCreate
from .nomination_read import NominationRead
from .nomination_status import NominationStatus
from .nomination_update import NominationUpdate
from .nominations_history_format_type_0 import NominationsHistoryFormatType0
from .nominations_list_format_type_0 import NominationsListFormatType0
from .nominations_transition_reasons_format_type_0 import NominationsTransitionReasonsFormatType0
from .nominee_in import NomineeIn
from .nominee_read import NomineeRead
from .nominee_update import NomineeUpdate
from .obligation_create import ObligationCreate
from .obligation_read import ObligationRead
from .obligation_update import ObligationUpdate
from .obligations_list_format_type_0 import ObligationsListFormatType0
from .outcome_read import OutcomeRead
from .outcome_update import OutcomeUpdate
from .outcomes_list_format_type_0 import OutcomesListFormatType0
from .page_api_key_read import PageApiKeyRead
from .page_audit_event_read import PageAuditEventRead
from .page_delivery_read import PageDeliveryRead
from .page_engagement_read import PageEngagementRead
from .page_facility_upgrade_read import PageFacilityUpgradeRead
from .page_imet_history_read import PageImetHistoryRead
from .page_implementer_read import PageImplementerRead
from .page_indicator_read import PageIndicatorRead
from .page_membership_read import PageMembershipRead
from .page_milestone_read import PageMilestoneRead
from .page_nomination_read import PageNominationRead
from .page_obligation_read import PageObligationRead
from .page_outcome_read import PageOutcomeRead
from .page_partner_read import PagePartnerRead
from .page_program_read import PageProgramRead
from .page_project_read import PageProjectRead
from .page_result_read import PageResultRead
from .page_roster_read import PageRosterRead
from .page_snapshot_read import PageSnapshotRead
from .page_team_read import PageTeamRead
from .page_training_center_read import PageTrainingCenterRead
from .page_training_read import PageTrainingRead
from .page_transition_reason_read import PageTransitionReasonRead
from .page_webhook_read import PageWebhookRead
from .parity_filters import ParityFilters
from .parity_report import ParityReport
from .parity_row import ParityRow
from .parity_totals import ParityTotals
from .participant_in import ParticipantIn
from .participant_read import ParticipantRead
from .partner_read import PartnerRead
from .partner_update import PartnerUpdate
from .partners_list_format_type_0 import PartnersListFormatType0
from .peacekeeping_share import PeacekeepingShare
from .peacekeeping_snapshots_create_files_body import PeacekeepingSnapshotsCreateFilesBody
from .peacekeeping_snapshots_list_format_type_0 import PeacekeepingSnapshotsListFormatType0
from .policy_milestones_list_format_type_0 import PolicyMilestonesListFormatType0
from .problem import Problem
from .program_create import ProgramCreate
from .program_read import ProgramRead
from .program_update import ProgramUpdate
from .programs_list_format_type_0 import ProgramsListFormatType0
from .progress import Progress
from .progress_filters import ProgressFilters
from .progress_inputs import ProgressInputs
from .progress_row import ProgressRow
from .progress_row_records import ProgressRowRecords
from .progress_status import ProgressStatus
from .project_create import ProjectCreate
from .project_read import ProjectRead
from .project_update import ProjectUpdate
from .projects_list_format_type_0 import ProjectsListFormatType0
from .purpose import Purpose
from .redelivery import Redelivery
from .region import Region
from .reports_cwd_teams_format_type_0 import ReportsCwdTeamsFormatType0
from .reports_facility_upgrades_format_type_0 import ReportsFacilityUpgradesFormatType0
from .reports_funding_format_type_0 import ReportsFundingFormatType0
from .reports_imet_completions_format_type_0 import ReportsImetCompletionsFormatType0
from .reports_imet_completions_group_by import ReportsImetCompletionsGroupBy
from .reports_imet_parity_format_type_0 import ReportsImetParityFormatType0
from .reports_peacekeeping_share_format_type_0 import ReportsPeacekeepingShareFormatType0
from .reports_policy_milestones_format_type_0 import ReportsPolicyMilestonesFormatType0
from .reports_scorecard_format_type_0 import ReportsScorecardFormatType0
from .reports_women_trained_format_type_0 import ReportsWomenTrainedFormatType0
from .result_create import ResultCreate
from .result_read import ResultRead
from .result_status import ResultStatus
from .result_transition import ResultTransition
from .result_update import ResultUpdate
from .role import Role
from .roster_create import RosterCreate
from .roster_read import RosterRead
from .roster_replace import RosterReplace
from .roster_role import RosterRole
from .row_error import RowError
from .scorecard import Scorecard
from .scorecard_filters import ScorecardFilters
from .scorecard_indicator import ScorecardIndicator
from .scorecard_indicator_records import ScorecardIndicatorRecords
from .scorecard_outcome import ScorecardOutcome
from .service import Service
from .sex import Sex
from .share_filters import ShareFilters
from .share_row import ShareRow
from .signed_in import SignedIn
from .skipped_row import SkippedRow
from .snapshot_input import SnapshotInput
from .snapshot_read import SnapshotRead
from .snapshot_ref import SnapshotRef
from .snapshot_upload import SnapshotUpload
from .sort_order import SortOrder
from .source import Source
from .target_read import TargetRead
from .target_write import TargetWrite
from .team_create import TeamCreate
from .team_read import TeamRead
from .team_update import TeamUpdate
from .topic import Topic
from .totals import Totals
from .training_center_create import TrainingCenterCreate
from .training_center_read import TrainingCenterRead
from .training_center_update import TrainingCenterUpdate
from .training_centers_list_format_type_0 import TrainingCentersListFormatType0
from .training_create import TrainingCreate
from .training_import_summary import TrainingImportSummary
from .training_read import TrainingRead
from .training_update import TrainingUpdate
from .trainings_list_format_type_0 import TrainingsListFormatType0
from .transition_reason_read import TransitionReasonRead
from .transition_request import TransitionRequest
from .upgrade_status import UpgradeStatus
from .upgrades_filters import UpgradesFilters
from .upgrades_report import UpgradesReport
from .upgrades_row import UpgradesRow
from .upgrades_totals import UpgradesTotals
from .uploaded_snapshot import UploadedSnapshot
from .vetting_read import VettingRead
from .vetting_status import VettingStatus
from .vetting_write import VettingWrite
from .webhook_create import WebhookCreate
from .webhook_created import WebhookCreated
from .webhook_read import WebhookRead
from .webhook_secret import WebhookSecret
from .webhook_update import WebhookUpdate
from .webhooks_deliveries_format_type_0 import WebhooksDeliveriesFormatType0
from .webhooks_list_format_type_0 import WebhooksListFormatType0
from .women_trained_filters import WomenTrainedFilters
from .women_trained_report import WomenTrainedReport
from .women_trained_report_rows_item import WomenTrainedReportRowsItem
from .women_trained_totals import WomenTrainedTotals

__all__ = (
    "Activity",
    "AdvisoryEngagementsListFormatType0",
    "Aggregation",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyRead",
    "ApiKeysListFormatType0",
    "AuditEventRead",
    "AuditEventReadDetailsType0",
    "AuditEventsListFormatType0",
    "BenchmarkRead",
    "BenchmarkWrite",
    "ChangeFeed",
    "ChangeRead",
    "CompletionsByPartner",
    "CompletionsByYear",
    "CompletionsFilters",
    "CompletionsFiltersGroupBy",
    "CompletionsReport",
    "CompletionsTotals",
    "Composition",
    "Counterparts",
    "CounterpartsRead",
    "CourseIn",
    "CourseRead",
    "CourseUpdate",
    "CwdRostersListFormatType0",
    "CwdTeamsFigures",
    "CwdTeamsFilters",
    "CwdTeamsListFormatType0",
    "CwdTeamsReport",
    "CwdTeamsRow",
    "Delivery",
    "DeliveryRead",
    "Direction",
    "EngagementCreate",
    "EngagementRead",
    "EngagementUpdate",
    "EventType",
    "FacilityUpgradeCreate",
    "FacilityUpgradeRead",
    "FacilityUpgradesListFormatType0",
    "FacilityUpgradeUpdate",
    "FactSheet",
    "FactSheetChanges",
    "FactSheetChangesChanges",
    "FactSheetChangesChangesAdditionalProperty",
    "FactSheetChangesFilters",
    "FactSheetFilters",
    "FactSheetFormatType0",
    "Feature",
    "FieldError",
    "Figure",
    "FigureChange",
    "FigureChangeMovedBy",
    "FigureChangeMovedByAdditionalProperty",
    "FigureInputs",
    "FigureInputsRecords",
    "Focus",
    "FundingFilters",
    "FundingReport",
    "FundingRow",
    "FundingTotals",
    "FundingType",
    "HealthLiveResponseHealthLive",
    "ImetHistoryCreate",
    "ImetHistoryListFormatType0",
    "ImetHistoryRead",
    "ImetHistoryUpdate",
    "ImplementerCreate",
    "ImplementerKind",
    "ImplementerRead",
    "ImplementersListFormatType0",
    "ImplementerUpdate",
    "ImportsCwdTeamsJsonTeamImportImport",
    "ImportsFacilityUpgradesJsonFacilityUpgradeCreateImport",
    "ImportsImetHistoryJsonImetHistoryCreateImport",
    "ImportsObligationsJsonObligationCreateImport",
    "ImportsPolicyMilestonesJsonMilestoneCreateImport",
    "ImportsTrainingsJsonTrainingCreateImport",
    "ImportSummary",
    "IndicatorCreate",
    "IndicatorRead",
    "IndicatorReadMetricFilters",
    "IndicatorResultsListFormatType0",
    "IndicatorsListFormatType0",
    "IndicatorStatus",
    "IndicatorUpdate",
    "Kind",
    "LockRead",
    "Measure",
    "MemberIn",
    "MemberRead",
    "MembershipCreate",
    "MembershipRead",
    "MembershipsListFormatType0",
    "MembershipUpdate",
    "Metric",
    "MetricFilters",
    "MilestoneCreate",
    "MilestoneKind",
    "MilestoneRead",
    "MilestonesFilters",
    "MilestonesReport",
    "MilestonesRow",
    "MilestonesTotals",
    "MilestoneUpdate",
    "NominationCreate",
    "NominationRead",
    "NominationsHistoryFormatType0",
    "NominationsListFormatType0",
    "NominationStatus",
    "NominationsTransitionReasonsFormatType0",
    "NominationUpdate",
    "NomineeIn",
    "NomineeRead",
    "NomineeUpdate",
    "ObligationCreate",
    "ObligationRead",
    "ObligationsListFormatType0",
    "ObligationUpdate",
    "OutcomeRead",
    "OutcomesListFormatType0",
    "OutcomeUpdate",
    "PageApiKeyRead",
    "PageAuditEventRead",
    "PageDeliveryRead",
    "PageEngagementRead",
    "PageFacilityUpgradeRead",
    "PageImetHistoryRead",
    "PageImplementerRead",
    "PageIndicatorRead",
    "PageMembershipRead",
    "PageMilestoneRead",
    "PageNominationRead",
    "PageObligationRead",
    "PageOutcomeRead",
    "PagePartnerRead",
    "PageProgramRead",
    "PageProjectRead",
    "PageResultRead",
    "PageRosterRead",
    "PageSnapshotRead",
    "PageTeamRead",
    "PageTrainingCenterRead",
    "PageTrainingRead",
    "PageTransitionReasonRead",
    "PageWebhookRead",
    "ParityFilters",
    "ParityReport",
    "ParityRow",
    "ParityTotals",
    "ParticipantIn",
    "ParticipantRead",
    "PartnerRead",
    "PartnersListFormatType0",
    "PartnerUpdate",
    "PeacekeepingShare",
    "PeacekeepingSnapshotsCreateFilesBody",
    "PeacekeepingSnapshotsListFormatType0",
    "PolicyMilestonesListFormatType0",
    "Problem",
    "ProgramCreate",
    "ProgramRead",
    "ProgramsListFormatType0",
    "ProgramUpdate",
    "Progress",
    "ProgressFilters",
    "ProgressInputs",
    "ProgressRow",
    "ProgressRowRecords",
    "ProgressStatus",
    "ProjectCreate",
    "ProjectRead",
    "ProjectsListFormatType0",
    "ProjectUpdate",
    "Purpose",
    "Redelivery",
    "Region",
    "ReportsCwdTeamsFormatType0",
    "ReportsFacilityUpgradesFormatType0",
    "ReportsFundingFormatType0",
    "ReportsImetCompletionsFormatType0",
    "ReportsImetCompletionsGroupBy",
    "ReportsImetParityFormatType0",
    "ReportsPeacekeepingShareFormatType0",
    "ReportsPolicyMilestonesFormatType0",
    "ReportsScorecardFormatType0",
    "ReportsWomenTrainedFormatType0",
    "ResultCreate",
    "ResultRead",
    "ResultStatus",
    "ResultTransition",
    "ResultUpdate",
    "Role",
    "RosterCreate",
    "RosterRead",
    "RosterReplace",
    "RosterRole",
    "RowError",
    "Scorecard",
    "ScorecardFilters",
    "ScorecardIndicator",
    "ScorecardIndicatorRecords",
    "ScorecardOutcome",
    "Service",
    "Sex",
    "ShareFilters",
    "ShareRow",
    "SignedIn",
    "SkippedRow",
    "SnapshotInput",
    "SnapshotRead",
    "SnapshotRef",
    "SnapshotUpload",
    "SortOrder",
    "Source",
    "TargetRead",
    "TargetWrite",
    "TeamCreate",
    "TeamRead",
    "TeamUpdate",
    "Topic",
    "Totals",
    "TrainingCenterCreate",
    "TrainingCenterRead",
    "TrainingCentersListFormatType0",
    "TrainingCenterUpdate",
    "TrainingCreate",
    "TrainingImportSummary",
    "TrainingRead",
    "TrainingsListFormatType0",
    "TrainingUpdate",
    "TransitionReasonRead",
    "TransitionRequest",
    "UpgradesFilters",
    "UpgradesReport",
    "UpgradesRow",
    "UpgradeStatus",
    "UpgradesTotals",
    "UploadedSnapshot",
    "VettingRead",
    "VettingStatus",
    "VettingWrite",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookRead",
    "WebhooksDeliveriesFormatType0",
    "WebhookSecret",
    "WebhooksListFormatType0",
    "WebhookUpdate",
    "WomenTrainedFilters",
    "WomenTrainedReport",
    "WomenTrainedReportRowsItem",
    "WomenTrainedTotals",
)

"""What every bundled fixture must produce: the extraction table (issue: every
front-sheet field of every fixture) and the findings.  A change to a reader, the
extractor or a rule that alters any of these fails here; update the table only after
checking the new value against the document by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govcheck.check import document_records, run
from govcheck.engine.profile import load_profile
from govcheck.engine.rules import RulePack
from govcheck.read import read_path

FIX = Path(__file__).resolve().parents[1] / "fixtures"

# Fields compared exactly (absent must stay absent); free-text fields only for presence.
KEYS = ['kind', 'nation', 'key_decision', 'call_in_eligible', 'exempt', 'exempt_paragraphs', 'urgency_route', 'wards', 'decision_maker', 'meeting_date', 'decision_date', 'notice_first_published', 'forward_plan_ref', 'recommendation_kinds', 'directions_date', 'directions_period_months', 'general_exception_notice_published', 'effective_from', 's114_report_sent', 'sections', 'private_notice_published']
PRESENT = ['public_interest_statement', 'call_in_exemption_reason', 'urgency_reason']

# fixture -> one entry per record, in document order
EXTRACTION = {
    'agendas/cabinet-2024-07-23-agenda-pack.txt': [
        {'kind': 'meeting', 'nation': 'england', 'exempt': 'part', 'exempt_paragraphs': ['3'], 'meeting_date': '2024-07-23'},
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-07-23', 'recommendation_kinds': ['note'], 'sections': ['background_papers']},
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'urgency_route': 'unspecified', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-07-23', 'notice_first_published': '2024-07-04', 'forward_plan_ref': '013377/2024', 'recommendation_kinds': ['decide'], 'sections': ['background_papers'], 'urgency_reason': '<present>'},
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'part', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-07-23', 'notice_first_published': '2024-06-07', 'forward_plan_ref': '012955/2024', 'recommendation_kinds': ['approve'], 'sections': ['appendices']},
    ],
    'agendas/cabinet-2024-09-17-further-private-notice-no-representations.txt': [
        {'kind': 'notice', 'nation': 'england', 'exempt_paragraphs': ['3']},
    ],
    'agendas/cabinet-2024-10-15-agenda-published-late.txt': [
        {'kind': 'meeting', 'nation': 'england', 'meeting_date': '2024-10-15'},
    ],
    'agendas/planning-committee-2024-09-10-paragraphs-disagree-pack.txt': [
        {'kind': 'meeting', 'nation': 'england', 'exempt': 'part', 'exempt_paragraphs': ['1'], 'meeting_date': '2024-09-10'},
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'exempt': 'part', 'exempt_paragraphs': ['5'], 'wards': ['Tyseley', 'Hay Mills'], 'decision_maker': 'Planning Committee', 'meeting_date': '2024-09-10', 'recommendation_kinds': ['decide'], 'sections': ['background_papers'], 'public_interest_statement': '<present>'},
    ],
    'agendas/scottish-policy-committee-2024-06-13-late-item.txt': [
        {'kind': 'meeting', 'nation': 'scotland', 'exempt': 'part', 'exempt_paragraphs': ['9'], 'meeting_date': '2024-06-13'},
    ],
    'decisions/decision-2024-02-27-energy-contract-special-urgency.txt': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': True, 'call_in_eligible': False, 'urgency_route': 'special_urgency', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'decision_date': '2024-02-27', 'notice_first_published': '2024-02-21', 'effective_from': '2024-02-28', 'call_in_exemption_reason': '<present>', 'urgency_reason': '<present>'},
    ],
    'decisions/decision-2024-03-05-budget-full-council.txt': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': True, 'call_in_eligible': False, 'decision_maker': 'Birmingham City Council', 'decision_date': '2024-03-05', 'notice_first_published': '2024-02-23'},
    ],
    'decisions/decision-2024-03-19-highways-resurfacing.txt': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'decision_date': '2024-03-19', 'notice_first_published': '2024-02-09', 'effective_from': '2024-03-28'},
    ],
    'decisions/decision-2024-04-09-clean-air-zone-late-notice.txt': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'decision_date': '2024-04-09', 'notice_first_published': '2024-03-20'},
    ],
    'decisions/decision-2024-04-30-it-support-not-callin.txt': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'decision_maker': 'Cabinet Member for Finance and Resources', 'decision_date': '2024-04-30', 'effective_from': '2024-05-01'},
    ],
    'decisions/decision-2024-05-14-special-urgency-agreed-by-the-mayor.txt': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': True, 'call_in_eligible': False, 'urgency_route': 'special_urgency', 'wards': ['Ladywood'], 'decision_maker': 'Cabinet', 'decision_date': '2024-05-14', 'notice_first_published': '2024-05-07', 'call_in_exemption_reason': '<present>', 'urgency_reason': '<present>'},
    ],
    'decisions/decision-2024-06-11-leisure-contract-conflict-no-dispensation.txt': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'decision_maker': 'Cabinet', 'decision_date': '2024-06-11', 'notice_first_published': '2024-05-02', 'effective_from': '2024-06-20'},
    ],
    'decisions/welsh-decision-2023-01-24-call-in-answer-disagrees.txt': [
        {'kind': 'decision', 'nation': 'wales', 'key_decision': True, 'call_in_eligible': False, 'decision_maker': 'Cabinet', 'decision_date': '2023-01-24'},
    ],
    'decisions/welsh-decision-2023-03-14-school-transport-no-reasons.txt': [
        {'kind': 'decision', 'nation': 'wales', 'key_decision': False, 'call_in_eligible': False, 'decision_maker': 'Aelod Cabinet dros Addysg', 'decision_date': '2023-03-14'},
    ],
    'docx/cabinet-report-frontsheet-late-notice.docx': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-01-14', 'notice_first_published': '2024-12-20', 'forward_plan_ref': '013688/2025', 'recommendation_kinds': ['approve', 'decide'], 'sections': ['alternatives', 'appendices', 'background_papers', 'equality', 'financial', 'legal']},
    ],
    'docx/cabinet-report-frontsheet.docx': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-01-14', 'forward_plan_ref': '013245/2025', 'recommendation_kinds': ['approve', 'note'], 'sections': ['alternatives', 'appendices', 'background_papers', 'consultation', 'equality', 'financial', 'legal']},
    ],
    'docx/inconsistent-checkbox.docx': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': False, 'exempt': 'none', 'decision_maker': 'Cabinet', 'meeting_date': '2025-03-11', 'forward_plan_ref': '013601/2025', 'recommendation_kinds': ['approve']},
    ],
    'docx/report-exempt-appendix.docx': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'part', 'exempt_paragraphs': ['3'], 'wards': ['Bordesley', 'Highgate'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-02-11', 'forward_plan_ref': '013512/2025', 'recommendation_kinds': ['approve', 'note'], 'sections': ['appendices', 'background_papers', 'equality', 'financial', 'legal'], 'public_interest_statement': '<present>'},
    ],
    'html/agenda-item-checkboxes.html': [
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-04-04', 'recommendation_kinds': ['agree', 'recommend_to_council'], 'directions_period_months': 6},
    ],
    'html/cmis-meeting.html': [
        {'kind': 'meeting', 'nation': 'england', 'exempt': 'part', 'exempt_paragraphs': ['3'], 'meeting_date': '2019-03-26'},
    ],
    'html/decision-key-callin.html': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-03-04', 'decision_date': '2024-03-04', 'effective_from': '2024-03-12'},
    ],
    'html/decision-not-callin-no-reason.html': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-04-04', 'decision_date': '2024-04-04', 'directions_period_months': 6},
    ],
    'html/forward-plan.html': [
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'part', 'exempt_paragraphs': ['3'], 'wards': ['Millbrook'], 'decision_maker': 'Cabinet', 'decision_date': '2024-03-11', 'notice_first_published': '2024-02-20'},
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'decision_date': '2024-04-15', 'notice_first_published': '2024-01-05'},
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'full', 'exempt_paragraphs': ['3'], 'wards': ['ALL'], 'decision_maker': 'Cabinet Member for Environment and Transport', 'decision_date': '2024-06-10', 'notice_first_published': '2024-04-02'},
    ],
    'html/issue-history-late-notice.html': [
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'part', 'wards': ['Millbrook'], 'decision_maker': 'Cabinet', 'decision_date': '2024-03-11', 'notice_first_published': '2024-02-20'},
    ],
    'html/no-fields.html': [
        {'kind': 'report', 'nation': 'england'},
    ],
    'html/reasons-restricted.html': [
        {'kind': 'notice', 'nation': 'england', 'exempt': 'part', 'exempt_paragraphs': ['3'], 'decision_maker': 'Cabinet', 'decision_date': '2024-03-11', 'public_interest_statement': '<present>'},
    ],
    'html/welsh-bilingual.html': [
        {'kind': 'decision', 'nation': 'wales', 'key_decision': True, 'call_in_eligible': False, 'exempt_paragraphs': ['14'], 'urgency_route': 'unspecified', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'decision_date': '2024-05-14', 'effective_from': '2024-05-15', 'public_interest_statement': '<present>', 'urgency_reason': '<present>'},
    ],
    'meetings/city-council-2024-06-27-emergency-motion-minutes.txt': [
        {'kind': 'meeting', 'nation': 'scotland', 'meeting_date': '2024-06-27'},
    ],
    'meetings/planning-committee-2024-07-18-urgent-items-minutes.txt': [
        {'kind': 'meeting', 'nation': 'england', 'meeting_date': '2024-07-18'},
    ],
    'meetings/standards-hearing-2010-04-12-paragraph-7c.txt': [
        {'kind': 'meeting', 'nation': 'england', 'exempt': 'part', 'exempt_paragraphs': ['7c'], 'meeting_date': '2010-04-12'},
    ],
    'notices/forward-plan-2024-04-clean-air-zone.txt': [
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'decision_date': '2024-04-09', 'notice_first_published': '2024-03-20'},
    ],
    'notices/forward-plan-2024-06-housing-repairs-extension.txt': [
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'part', 'exempt_paragraphs': ['3'], 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'decision_date': '2024-07-16', 'notice_first_published': '2024-06-27', 'forward_plan_ref': '012901/2024', 'public_interest_statement': '<present>'},
    ],
    'notices/forward-plan-2024-06-leisure-stock.txt': [
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'part', 'exempt_paragraphs': ['3'], 'wards': ['Bordesley Green', 'Erdington', 'Sparkbrook & Balsall Heath East'], 'decision_maker': 'Cabinet', 'decision_date': '2024-07-23', 'notice_first_published': '2024-06-07', 'public_interest_statement': '<present>'},
    ],
    'notices/forward-plan-2024-08-depot-sale-private-no-reasons.txt': [
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'full', 'wards': ['Tyseley & Hay Mills'], 'decision_maker': 'Cabinet', 'decision_date': '2024-09-24', 'notice_first_published': '2024-08-09'},
    ],
    'notices/forward-plan-2024-10-library-hours-urgency-no-reason.txt': [
        {'kind': 'notice', 'nation': 'england', 'key_decision': True, 'exempt': 'none', 'urgency_route': 'unspecified', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'decision_date': '2024-10-22', 'notice_first_published': '2024-10-11'},
    ],
    'pdf/agenda-pack.pdf': [
        {'kind': 'meeting', 'nation': 'england', 'exempt': 'part', 'exempt_paragraphs': ['3'], 'meeting_date': '2025-02-11'},
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-02-11', 'recommendation_kinds': ['note']},
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-02-11', 'notice_first_published': '2025-01-24', 'forward_plan_ref': '016410/2025', 'recommendation_kinds': ['decide']},
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'part', 'wards': ['Nechells'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-02-11', 'forward_plan_ref': '015977/2025', 'recommendation_kinds': ['approve']},
    ],
    'pdf/cabinet-report.pdf': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-01-14', 'forward_plan_ref': '015203/2025', 'recommendation_kinds': ['approve', 'decide'], 'sections': ['appendices', 'background_papers', 'consultation', 'equality', 'financial', 'legal', 'risk']},
    ],
    'pdf/long-report.pdf': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-01-14', 'forward_plan_ref': '015204/2025'},
    ],
    'pdf/no-text-page.pdf': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'Cabinet, page one'},
    ],
    'pdf/rotated.pdf': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'Cabinet', 'meeting_date': '2025-01-14'},
    ],
    'pdf/wingdings.pdf': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': False, 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2025-01-14'},
    ],
    'pdf/word-objects.pdf': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'Cabinet', 'forward_plan_ref': '015203/2025'},
    ],
    'records/cabinet-2024-12-10-batch.yaml': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-12-10', 'notice_first_published': '2024-10-25', 'forward_plan_ref': '012990/2024', 'recommendation_kinds': ['recommend_to_council']},
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'part', 'exempt_paragraphs': ['3'], 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-12-10', 'notice_first_published': '2024-11-20', 'forward_plan_ref': '013004/2024', 'recommendation_kinds': ['approve'], 'public_interest_statement': '<present>'},
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': True, 'exempt': 'none', 'wards': ['Erdington', 'Kingstanding', 'Perry Common'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-12-10', 'recommendation_kinds': ['approve']},
    ],
    'records/decision-2024-09-03-school-transport.json': [
        {'kind': 'decision', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet Member for Children, Young People and Families', 'decision_date': '2024-09-03', 'notice_first_published': '2024-07-26', 'forward_plan_ref': '012811/2024', 'effective_from': '2024-09-12'},
    ],
    'reports/cabinet-2011-11-08-library-review-old-law.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2011-11-08', 'notice_first_published': '2011-10-24', 'forward_plan_ref': '501230/2011', 'recommendation_kinds': ['approve'], 'sections': ['background_papers', 'equality']},
    ],
    'reports/cabinet-2019-03-26-improvement-stocktake.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2019-03-26', 'recommendation_kinds': ['note'], 'sections': ['background_papers', 'equality', 'financial', 'legal']},
    ],
    'reports/cabinet-2024-04-04-draft-recovery-plan.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-04-04', 'recommendation_kinds': ['agree', 'note', 'recommend_to_council'], 'directions_date': '2023-10-05', 'directions_period_months': 6, 'sections': ['background_papers', 'equality', 'financial', 'legal']},
    ],
    'reports/cabinet-2024-05-21-confidential-information.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': True, 'exempt': 'part', 'wards': ['Ladywood'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-05-21', 'recommendation_kinds': ['note'], 'sections': ['background_papers']},
    ],
    'reports/cabinet-2024-06-25-waste-fleet-late-notice.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-06-25', 'notice_first_published': '2024-06-10', 'forward_plan_ref': '012874/2024', 'recommendation_kinds': ['approve', 'decide'], 'sections': ['background_papers', 'equality', 'financial', 'legal']},
    ],
    'reports/cabinet-2024-07-16-housing-repairs-exempt-no-paragraph.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'part', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-07-16', 'forward_plan_ref': '012901/2024', 'recommendation_kinds': ['approve'], 'sections': ['appendices', 'background_papers', 'financial', 'legal'], 'private_notice_published': '2024-07-05'},
    ],
    'reports/cabinet-2024-09-24-land-disposal-exempt-appendix.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'part', 'exempt_paragraphs': ['3'], 'wards': ['Nechells'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-09-24', 'notice_first_published': '2024-07-12', 'forward_plan_ref': '012744/2024', 'recommendation_kinds': ['approve', 'note'], 'sections': ['background_papers', 'equality', 'financial', 'legal'], 'private_notice_published': '2024-08-22', 'public_interest_statement': '<present>'},
    ],
    'reports/cabinet-2024-10-15-leisure-centre-wrong-paragraph.md': [
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': True, 'exempt': 'part', 'exempt_paragraphs': ['3', '8'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-10-15', 'recommendation_kinds': ['approve'], 'sections': ['background_papers', 'legal']},
    ],
    'reports/cabinet-2024-11-12-temporary-accommodation-general-exception.md': [
        {'kind': 'report', 'nation': 'england', 'key_decision': True, 'call_in_eligible': True, 'exempt': 'none', 'urgency_route': 'general_exception', 'wards': ['ALL'], 'decision_maker': 'Cabinet', 'meeting_date': '2024-11-12', 'recommendation_kinds': ['approve'], 'general_exception_notice_published': '2024-11-04', 'sections': ['background_papers', 'equality', 'legal'], 'urgency_reason': '<present>'},
    ],
    'reports/council-2023-09-25-section-114-report.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'City Council', 'meeting_date': '2023-09-25', 'recommendation_kinds': ['agree', 'note'], 's114_report_sent': '2023-09-05', 'sections': ['background_papers', 'equality', 'legal']},
    ],
    'reports/council-2023-10-04-monitoring-officer-section-5-report.txt': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'Council', 'meeting_date': '2023-10-04', 'recommendation_kinds': ['decide'], 'sections': ['background_papers']},
    ],
    'reports/council-2023-11-09-auditor-recommendations-late-notice.txt': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'City Council', 'meeting_date': '2023-11-09', 'recommendation_kinds': ['approve'], 'sections': ['background_papers']},
    ],
    'reports/council-2023-11-20-auditor-statutory-recommendations.txt': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'Council', 'meeting_date': '2023-11-20', 'recommendation_kinds': ['approve'], 'sections': ['background_papers']},
    ],
    'reports/council-2024-05-14-recovery-plan-approval.txt': [
        {'kind': 'report', 'nation': 'england', 'key_decision': False, 'call_in_eligible': False, 'exempt': 'none', 'wards': ['ALL'], 'decision_maker': 'City Council', 'meeting_date': '2024-05-14', 'recommendation_kinds': ['approve'], 'directions_date': '2023-10-05', 'directions_period_months': 6, 'sections': ['background_papers', 'equality', 'legal']},
    ],
    'reports/council-2024-07-16-ombudsman-report-late.txt': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'City Council', 'meeting_date': '2024-07-16', 'recommendation_kinds': ['agree', 'note']},
    ],
    'reports/council-2024-07-16-regulation-18-report.txt': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'City Council', 'meeting_date': '2024-07-16', 'recommendation_kinds': ['note']},
    ],
    'reports/scottish-council-2024-02-15-accounts-commission-findings-late.txt': [
        {'kind': 'report', 'nation': 'scotland', 'decision_maker': 'Council', 'meeting_date': '2024-02-15', 'recommendation_kinds': ['recommend_to_council']},
    ],
    'reports/scrutiny-2024-06-18-special-urgency-annual-report.txt': [
        {'kind': 'report', 'nation': 'england', 'decision_maker': 'Co-ordinating Overview and Scrutiny Committee', 'meeting_date': '2024-06-18', 'recommendation_kinds': ['note']},
    ],
}

# fixture -> sorted (code, severity) of every finding
FINDINGS = {
    'agendas/cabinet-2024-07-23-agenda-pack.txt': [('AG004', 'warning'), ('EX001', 'error'), ('KD001', 'warning'), ('RC001', 'warning')],
    'agendas/cabinet-2024-09-17-further-private-notice-no-representations.txt': [('PM004', 'warning')],
    'agendas/cabinet-2024-10-15-agenda-published-late.txt': [('AG009', 'error')],
    'agendas/planning-committee-2024-09-10-paragraphs-disagree-pack.txt': [('EX010', 'warning')],
    'agendas/scottish-policy-committee-2024-06-13-late-item.txt': [('AG010', 'warning')],
    'decisions/decision-2024-02-27-energy-contract-special-urgency.txt': [('KD001', 'info')],
    'decisions/decision-2024-03-05-budget-full-council.txt': [],
    'decisions/decision-2024-03-19-highways-resurfacing.txt': [],
    'decisions/decision-2024-04-09-clean-air-zone-late-notice.txt': [('KD001', 'error')],
    'decisions/decision-2024-04-30-it-support-not-callin.txt': [('CI001', 'warning')],
    'decisions/decision-2024-05-14-special-urgency-agreed-by-the-mayor.txt': [('KD001', 'info')],
    'decisions/decision-2024-06-11-leisure-contract-conflict-no-dispensation.txt': [('DR003', 'info')],
    'decisions/welsh-decision-2023-01-24-call-in-answer-disagrees.txt': [('CI004', 'warning'), ('CI005', 'warning')],
    'decisions/welsh-decision-2023-03-14-school-transport-no-reasons.txt': [('CI004', 'warning'), ('DR002', 'warning')],
    'docx/cabinet-report-frontsheet-late-notice.docx': [('CI001', 'warning'), ('KD001', 'error')],
    'docx/cabinet-report-frontsheet.docx': [],
    'docx/inconsistent-checkbox.docx': [('CI001', 'warning')],
    'docx/report-exempt-appendix.docx': [],
    'html/agenda-item-checkboxes.html': [('CI001', 'warning'), ('KD003', 'warning')],
    'html/cmis-meeting.html': [],
    'html/decision-key-callin.html': [('KD002', 'info')],
    'html/decision-not-callin-no-reason.html': [('CI001', 'warning')],
    'html/forward-plan.html': [('KD001', 'warning')],
    'html/issue-history-late-notice.html': [('KD001', 'warning'), ('PM003', 'info')],
    'html/no-fields.html': [('GC002', 'warning')],
    'html/reasons-restricted.html': [],
    'html/welsh-bilingual.html': [('DR002', 'info')],
    'meetings/city-council-2024-06-27-emergency-motion-minutes.txt': [('AG008', 'warning')],
    'meetings/planning-committee-2024-07-18-urgent-items-minutes.txt': [('AG007', 'warning')],
    'meetings/standards-hearing-2010-04-12-paragraph-7c.txt': [],
    'notices/forward-plan-2024-04-clean-air-zone.txt': [('KD001', 'warning')],
    'notices/forward-plan-2024-06-housing-repairs-extension.txt': [('KD001', 'warning')],
    'notices/forward-plan-2024-06-leisure-stock.txt': [],
    'notices/forward-plan-2024-08-depot-sale-private-no-reasons.txt': [('PM003', 'warning')],
    'notices/forward-plan-2024-10-library-hours-urgency-no-reason.txt': [('KD001', 'warning'), ('UR003', 'warning')],
    'pdf/agenda-pack.pdf': [('AG004', 'warning'), ('EX001', 'error'), ('KD001', 'error')],
    'pdf/cabinet-report.pdf': [],
    'pdf/long-report.pdf': [],
    'pdf/no-text-page.pdf': [],
    'pdf/rotated.pdf': [],
    'pdf/wingdings.pdf': [('KD002', 'warning')],
    'pdf/word-objects.pdf': [],
    'records/cabinet-2024-12-10-batch.yaml': [('KD001', 'error'), ('KD003', 'warning')],
    'records/decision-2024-09-03-school-transport.json': [],
    'reports/cabinet-2011-11-08-library-review-old-law.txt': [],
    'reports/cabinet-2019-03-26-improvement-stocktake.txt': [],
    'reports/cabinet-2024-04-04-draft-recovery-plan.txt': [('CI001', 'warning'), ('KD003', 'warning')],
    'reports/cabinet-2024-05-21-confidential-information.txt': [],
    'reports/cabinet-2024-06-25-waste-fleet-late-notice.txt': [('KD001', 'error')],
    'reports/cabinet-2024-07-16-housing-repairs-exempt-no-paragraph.txt': [('EX001', 'error'), ('PM001', 'error'), ('RC002', 'warning')],
    'reports/cabinet-2024-09-24-land-disposal-exempt-appendix.txt': [],
    'reports/cabinet-2024-10-15-leisure-centre-wrong-paragraph.md': [('EX002', 'error'), ('EX003', 'warning'), ('RC002', 'warning')],
    'reports/cabinet-2024-11-12-temporary-accommodation-general-exception.md': [('KD002', 'info')],
    'reports/council-2023-09-25-section-114-report.txt': [],
    'reports/council-2023-10-04-monitoring-officer-section-5-report.txt': [('DL005', 'error')],
    'reports/council-2023-11-09-auditor-recommendations-late-notice.txt': [('DL009', 'warning')],
    'reports/council-2023-11-20-auditor-statutory-recommendations.txt': [('DL003', 'error')],
    'reports/council-2024-05-14-recovery-plan-approval.txt': [('DL001', 'warning')],
    'reports/council-2024-07-16-ombudsman-report-late.txt': [('DL007', 'warning')],
    'reports/council-2024-07-16-regulation-18-report.txt': [('KD006', 'warning')],
    'reports/scottish-council-2024-02-15-accounts-commission-findings-late.txt': [('DL006', 'warning')],
    'reports/scrutiny-2024-06-18-special-urgency-annual-report.txt': [('UR004', 'warning')],
}


def summarise(record) -> dict:
    vals = {"kind": record.kind, "nation": record.nation}
    for k in KEYS[2:]:
        if k in record.fields:
            v = record.fields[k].value
            vals[k] = v.isoformat() if isinstance(v, dt.date) else v
    for k in PRESENT:
        if record.has(k):
            vals[k] = "<present>"
    return vals


def test_table_covers_every_fixture():
    files = sorted(str(p.relative_to(FIX)) for p in FIX.rglob("*") if p.is_file())
    assert sorted(EXTRACTION) == files
    assert sorted(FINDINGS) == files
    assert len(files) >= 12


@pytest.mark.parametrize("name", sorted(EXTRACTION))
def test_extraction(name):
    doc = read_path(FIX / name)
    records, _ = document_records(doc, "england")
    got = [summarise(r) for r in records]
    assert got == EXTRACTION[name]


PACK = RulePack.load()
PROFILE = load_profile(None, PACK.root)


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_findings(name):
    result = run([str(FIX / name)], PACK, PROFILE, dt.date(2026, 1, 1))
    assert result.errors == []
    got = sorted((f.code, f.severity.value) for f in result.findings)
    assert got == FINDINGS[name]


def test_clean_and_breaching_fixtures_both_exist():
    clean = [n for n, f in FINDINGS.items() if not f]
    failing = [n for n, f in FINDINGS.items() if any(s == "error" for _, s in f)]
    assert len(clean) >= 6 and len(failing) >= 6

// SPDX-License-Identifier: Apache-2.0
/// @file
/// Clinical records II (the duties that protect clients and clinicians): risk assessments and
/// the C-SSRS screener triage, safety plans, risk flags and the risk signing gate, referrals and
/// scope-of-practice triggers, consent and disclosures, cultural formulations, continuing
/// education. See docs/safety-and-consent.md.
#pragma once

#include <theracore/model/consent.hpp>
#include <theracore/model/continuing_education.hpp>
#include <theracore/model/culture.hpp>
#include <theracore/model/referral.hpp>
#include <theracore/model/referral_trigger.hpp>
#include <theracore/model/risk.hpp>
#include <theracore/model/risk_flag.hpp>
#include <theracore/model/risk_gate.hpp>
#include <theracore/model/safety_plan.hpp>

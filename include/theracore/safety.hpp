// SPDX-License-Identifier: Apache-2.0
/// @file
/// Clinical records II (the duties that protect clients and clinicians): risk assessments and
/// the C-SSRS screener triage, safety plans, risk flags and the risk signing gate, referrals and
/// scope-of-practice triggers, consent and disclosures, cultural formulations, continuing
/// education. See docs/safety-and-consent.md.
#pragma once

#include <theracore/safety/consent.hpp>
#include <theracore/safety/continuing_education.hpp>
#include <theracore/safety/culture.hpp>
#include <theracore/safety/referral.hpp>
#include <theracore/safety/referral_trigger.hpp>
#include <theracore/safety/risk.hpp>
#include <theracore/safety/risk_flag.hpp>
#include <theracore/safety/risk_gate.hpp>
#include <theracore/safety/safety_plan.hpp>

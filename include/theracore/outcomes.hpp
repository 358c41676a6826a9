// SPDX-License-Identifier: Apache-2.0
/// @file
/// Outcome analytics and progress monitoring (compiled into `theracore::core`): reliable and
/// clinically significant change (Jacobson–Truax, Hageman–Arrindell, NHS Talking Therapies), cohort
/// summaries, Goal Attainment Scaling, trajectories, measurement schedules and alerts. The SVG/HTML
/// progress report is the compiled component `theracore::report` (`theracore/outcomes/report.hpp`).
#pragma once

#include <theracore/outcomes/alert.hpp>
#include <theracore/outcomes/alert_rules.hpp>
#include <theracore/outcomes/clinical_significance.hpp>
#include <theracore/outcomes/cohort.hpp>
#include <theracore/outcomes/columns.hpp>
#include <theracore/outcomes/gas.hpp>
#include <theracore/outcomes/hageman_arrindell.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/reliable_change.hpp>
#include <theracore/outcomes/schedule.hpp>
#include <theracore/outcomes/series.hpp>
#include <theracore/outcomes/talking_therapies.hpp>
#include <theracore/outcomes/trajectory.hpp>

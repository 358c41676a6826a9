// SPDX-License-Identifier: Apache-2.0
/// @file
/// The care records: treatment plans, the intervention catalog, sessions, progress and
/// psychotherapy notes, homework, behaviour diaries, couples and family work, and exports.
/// Declared here and compiled into `theracore::core`; serialization adapters are in
/// `theracore/io/json/care_records.hpp` and `theracore/io/boost/care_records.hpp` (included by the
/// opt-in `io/json.hpp` and `io/boost_serialization.hpp`).
#pragma once

#include <theracore/model/behaviour.hpp>
#include <theracore/model/care_export.hpp>
#include <theracore/model/dyadic.hpp>
#include <theracore/model/homework.hpp>
#include <theracore/model/intervention.hpp>
#include <theracore/model/measure_observation.hpp>
#include <theracore/model/progress_note.hpp>
#include <theracore/model/session.hpp>
#include <theracore/model/treatment_plan.hpp>

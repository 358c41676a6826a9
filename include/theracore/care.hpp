// SPDX-License-Identifier: Apache-2.0
/// @file
/// The care records: treatment plans, the intervention catalog, sessions, progress and
/// psychotherapy notes, homework, behaviour diaries, couples and family work, and exports.
/// Declared here and compiled into `theracore::core`; serialization adapters are in
/// `theracore/io/json/care.hpp` and `theracore/io/boost/care.hpp` (included by the
/// opt-in `io/json.hpp` and `io/boost_serialization.hpp`).
#pragma once

#include <theracore/care/behaviour.hpp>
#include <theracore/care/care_export.hpp>
#include <theracore/care/dyadic.hpp>
#include <theracore/care/homework.hpp>
#include <theracore/care/intervention.hpp>
#include <theracore/care/measure_observation.hpp>
#include <theracore/care/progress_note.hpp>
#include <theracore/care/session.hpp>
#include <theracore/care/treatment_plan.hpp>

// SPDX-License-Identifier: Apache-2.0
/// @file
/// The core clinical model: identifiers, time, coded concepts, clients, clinicians, episodes,
/// intakes.
#pragma once

#include <theracore/error.hpp>
#include <theracore/model/client.hpp>
#include <theracore/model/clinician.hpp>
#include <theracore/model/coded_concept.hpp>
#include <theracore/model/contact.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/model/episode.hpp>
#include <theracore/model/id.hpp>
#include <theracore/model/intake.hpp>
#include <theracore/model/time.hpp>

// SPDX-License-Identifier: Apache-2.0
/// @file
/// The core clinical model: identifiers, time, coded concepts, clients, clinicians, episodes,
/// intakes.
#pragma once

#include <theracore/coded_concept.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/people/client.hpp>
#include <theracore/people/clinician.hpp>
#include <theracore/people/contact.hpp>
#include <theracore/people/episode.hpp>
#include <theracore/people/intake.hpp>
#include <theracore/time.hpp>

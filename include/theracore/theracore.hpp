// SPDX-License-Identifier: Apache-2.0
/// @file
/// Everything in the header-only core. Serialization adapters are opt-in:
/// `theracore/io/json.hpp` (nlohmann/json) and `theracore/io/boost_serialization.hpp`.
#pragma once

#include <theracore/adapters.hpp>
#include <theracore/care.hpp>
#include <theracore/instruments.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/outcomes.hpp>
#include <theracore/people.hpp>
#include <theracore/safety.hpp>
#include <theracore/storage/memory.hpp>
#include <theracore/version.hpp>

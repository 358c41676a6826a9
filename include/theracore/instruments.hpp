// SPDX-License-Identifier: Apache-2.0
/// @file
/// The header-only instrument engine: definitions, scoring, batch scoring, locales and
/// catalogs. The built-in catalog is `theracore/instruments/builtin_catalog.hpp` (link
/// `theracore::catalog`); loading definitions from JSON is in `theracore/io/json.hpp`.
#pragma once

#include <theracore/instruments/batch.hpp>
#include <theracore/instruments/batch_view.hpp>
#include <theracore/instruments/catalog.hpp>
#include <theracore/instruments/definition.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/locale.hpp>
#include <theracore/instruments/responses.hpp>
#include <theracore/instruments/score.hpp>

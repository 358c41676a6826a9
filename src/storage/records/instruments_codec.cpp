// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled storage codecs of `THERACORE_INSTRUMENTS_RECORDS`.

#include <theracore/io/json/instruments.hpp>
#include <theracore/storage/records/instruments.hpp>

#include "storage/json_codec_impl.hpp"

THERACORE_NAMESPACE_BEGIN
namespace storage {

THERACORE_INSTRUMENTS_RECORDS(THERACORE_STORAGE_DEFINE_CODEC)

}  // namespace storage
THERACORE_NAMESPACE_END

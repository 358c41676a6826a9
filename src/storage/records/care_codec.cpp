// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled storage codecs of `THERACORE_CARE_RECORDS`.

#include <theracore/io/json/care.hpp>
#include <theracore/storage/records/care.hpp>

#include "storage/json_codec_impl.hpp"

THERACORE_NAMESPACE_BEGIN
namespace storage {

THERACORE_CARE_RECORDS(THERACORE_STORAGE_DEFINE_CODEC)

}  // namespace storage
THERACORE_NAMESPACE_END

// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled storage codecs of `THERACORE_PEOPLE_RECORDS`.

#include <theracore/io/json/people.hpp>
#include <theracore/storage/records/people.hpp>

#include "storage/json_codec_impl.hpp"

THERACORE_NAMESPACE_BEGIN
namespace storage {

THERACORE_PEOPLE_RECORDS(THERACORE_STORAGE_DEFINE_CODEC)

}  // namespace storage
THERACORE_NAMESPACE_END

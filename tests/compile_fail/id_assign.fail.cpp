// SPDX-License-Identifier: Apache-2.0
// expect: no match for .operator=
// Assigning an identifier of one kind to another must not compile.
#include <theracore/id.hpp>

int main() {
    theracore::client_id client("42");
#ifdef THERACORE_COMPILE_FAIL_CONTROL
    client = theracore::client_id("43");
#else
    client = theracore::episode_id("43");
#endif
    return client.empty() ? 1 : 0;
}

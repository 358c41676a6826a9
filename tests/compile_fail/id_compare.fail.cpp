// SPDX-License-Identifier: Apache-2.0
// expect: no match for .operator==
// Comparing identifiers of different kinds must not compile.
#include <theracore/id.hpp>

int main() {
    const theracore::client_id client("42");
#ifdef THERACORE_COMPILE_FAIL_CONTROL
    const theracore::client_id other("42");
#else
    const theracore::episode_id other("42");
#endif
    return client == other ? 0 : 1;
}

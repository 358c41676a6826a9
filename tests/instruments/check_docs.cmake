# SPDX-License-Identifier: Apache-2.0
# Fails when docs/instruments.md differs from what the built-in definitions generate.
execute_process(COMMAND "${GENERATOR}" "${OUTPUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "theracore_instrument_docs failed (${rc})")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUTPUT}" "${CHECKED_IN}"
                RESULT_VARIABLE same)
if(NOT same EQUAL 0)
    message(FATAL_ERROR "docs/instruments.md is stale: regenerate it with\n"
                        "  cmake --build <build dir> --target instrument_docs\n"
                        "(generated file: ${OUTPUT})")
endif()

# SPDX-License-Identifier: Apache-2.0
# Fails when docs/instruments.md differs from what the built-in definitions generate, or when the
# generator's --help does not print its usage (it once wrote the page to a file named "--help").
get_filename_component(work "${OUTPUT}" DIRECTORY)
execute_process(COMMAND "${GENERATOR}" --help WORKING_DIRECTORY "${work}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE usage)
if(NOT rc EQUAL 0 OR NOT usage MATCHES "--output" OR EXISTS "${work}/--help")
    message(FATAL_ERROR "theracore_instrument_docs --help did not print its usage (${rc}):\n${usage}")
endif()
execute_process(COMMAND "${GENERATOR}" --output "${OUTPUT}" RESULT_VARIABLE rc)
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

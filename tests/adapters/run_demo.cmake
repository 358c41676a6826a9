# SPDX-License-Identifier: Apache-2.0
# Runs the end-to-end demo into a fresh directory and checks that it succeeds and writes an
# SQLite database and the HTML progress report.
#   cmake -DDEMO=<theracore_demo> -DOUT=<directory> -P run_demo.cmake
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(db "${OUT}/clinic.theracore")
set(report "${OUT}/progress_report.html")
execute_process(COMMAND "${DEMO}" "${db}" "${report}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the demo failed (${rc}):\n${out}\n${err}")
endif()
foreach(f "${db}" "${report}")
    if(NOT EXISTS "${f}")
        message(FATAL_ERROR "the demo did not write ${f}:\n${out}")
    endif()
endforeach()
# An SQLite database file starts with "SQLite format 3" and a NUL.
file(READ "${db}" header LIMIT 16 HEX)
if(NOT header STREQUAL "53514c69746520666f726d6174203300")
    message(FATAL_ERROR "${db} is not an SQLite database (header ${header})")
endif()
file(READ "${report}" html)
foreach(expected "<html" "Amara Osei" "PHQ-9" "GAD-7" "<svg" "</html>")
    string(FIND "${html}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the progress report lacks \"${expected}\"")
    endif()
endforeach()
# The records read back after reopening the file.
foreach(expected "client c-amara: Amara Osei" "episode e-amara-1: active" "intake i-amara-1"
        "sessions: 11; notes: 11 (11 signed)" "same trajectory as before: yes"
        "flags active on 2026-03-16: 0" "current safety plan sp-amara v1"
        "referral r-amara-psychiatry to Dr Lena Marsh: completed")
    string(FIND "${out}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the demo did not read back \"${expected}\":\n${out}")
    endif()
endforeach()

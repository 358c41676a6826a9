# SPDX-License-Identifier: Apache-2.0
# Builds TARGET in BUILD_DIR. EXPECT_FAIL=1: the build must fail and its output match EXPECT.
# EXPECT_FAIL=0: the build must succeed.
set(ENV{LC_ALL} C)  # plain ASCII quotes in diagnostics
set(_config_args "")
if(CONFIG)
    set(_config_args --config "${CONFIG}")
endif()
execute_process(
    COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}" ${_config_args}
    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(EXPECT_FAIL)
    if(_rc EQUAL 0)
        message(FATAL_ERROR "${TARGET} compiled, but it must not:\n${_out}")
    endif()
    if(NOT _out MATCHES "${EXPECT}")
        message(FATAL_ERROR "${TARGET} failed for another reason than '${EXPECT}':\n${_out}")
    endif()
    message(STATUS "${TARGET} failed to compile as intended ('${EXPECT}')")
else()
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "control ${TARGET} must compile:\n${_out}")
    endif()
endif()

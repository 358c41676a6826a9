# SPDX-License-Identifier: Apache-2.0
# Warnings, -Werror and sanitizers for TheraCore's own binaries only: linked PRIVATE (or through
# $<BUILD_INTERFACE:>) and never exported, so consumers' builds are not affected.
add_library(theracore_dev_options INTERFACE)
add_library(theracore::dev_options ALIAS theracore_dev_options)

target_compile_options(theracore_dev_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual)
if(THERACORE_WERROR)
    target_compile_options(theracore_dev_options INTERFACE -Werror)
endif()

if(THERACORE_SANITIZE)
    string(REPLACE "," ";" _theracore_sanitizers "${THERACORE_SANITIZE}")
    foreach(_s IN LISTS _theracore_sanitizers)
        if(NOT _s MATCHES "^(address|undefined|leak|thread)$")
            message(FATAL_ERROR "THERACORE_SANITIZE: unknown sanitizer '${_s}'")
        endif()
    endforeach()
    set(_theracore_sanitize_flags -fsanitize=${THERACORE_SANITIZE} -fno-omit-frame-pointer
        -fno-sanitize-recover=all)
    target_compile_options(theracore_dev_options INTERFACE ${_theracore_sanitize_flags})
    target_link_options(theracore_dev_options INTERFACE ${_theracore_sanitize_flags})
endif()

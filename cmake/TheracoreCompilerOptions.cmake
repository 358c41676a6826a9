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

# theracore_register_component(<target> NAME <export name>
#                              [CONFIG_DEPENDENCIES <lines…>] [PC_LIBS <flags…>])
# Gives a compiled component its alias theracore::<name>, links the private dev options and
# records it for install/export, the package config (find_dependency lines) and pkg-config.
function(theracore_register_component target)
    cmake_parse_arguments(ARG "" "NAME" "CONFIG_DEPENDENCIES;PC_LIBS" ${ARGN})
    add_library(theracore::${ARG_NAME} ALIAS ${target})
    # Hidden by default: only what THERACORE_API marks (theracore/config.hpp) is exported from
    # a shared library, so its ABI is what the headers declare and nothing that leaks.
    set_target_properties(${target} PROPERTIES EXPORT_NAME ${ARG_NAME}
        POSITION_INDEPENDENT_CODE ON
        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
        VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
    target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:theracore_dev_options>)
    set_property(GLOBAL APPEND PROPERTY THERACORE_COMPONENT_TARGETS ${target})
    set_property(GLOBAL APPEND PROPERTY THERACORE_EXPORTED_COMPONENTS ${ARG_NAME})
    foreach(_line IN LISTS ARG_CONFIG_DEPENDENCIES)
        set_property(GLOBAL APPEND PROPERTY THERACORE_CONFIG_DEPENDENCIES "${_line}")
    endforeach()
    # One entry a component, its flags in the order given (the library, then what it needs).
    string(REPLACE ";" " " _pc_libs "${ARG_PC_LIBS}")
    set_property(GLOBAL APPEND PROPERTY THERACORE_PC_LIBS "${_pc_libs}")
endfunction()

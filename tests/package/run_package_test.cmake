# SPDX-License-Identifier: Apache-2.0
# expect_failure(<text expected in the output> <command…>): the command must fail, saying so.
function(expect_failure expected)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    string(REPLACE ";" " " cmd "${ARGN}")
    if(rc EQUAL 0)
        message(FATAL_ERROR "expected to fail but succeeded: ${cmd}\n${out}")
    endif()
    string(FIND "${out}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "failed without saying \"${expected}\": ${cmd}\n${out}")
    endif()
    message(STATUS "failed as expected: ${expected}")
endfunction()

# components(<prefix> <build dir> <components…>): a consumer asking for these components
# configures, builds and runs.
function(components prefix dir)
    string(REPLACE ";" "," wanted "${ARGN}")
    run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/package/components" -B "${dir}" ${_common}
        "-DCMAKE_PREFIX_PATH=${prefix}" "-DWANTED=${wanted}")
    run("${CMAKE_COMMAND}" --build "${dir}" --config "${CONFIG}")
    run("${dir}/components_consumer")
endfunction()

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}")
    endif()
    message(STATUS "${out}")
endfunction()

if(NOT CONFIG)
    set(CONFIG Release)
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(_common -G "${GENERATOR}" "-DCMAKE_BUILD_TYPE=${CONFIG}"
    "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
# The mode that compiles TheraCore itself again (add_subdirectory_shared) tests how it is
# packaged, not how fast it runs: it builds without optimisation or debug information.
set(_library_build -G "${GENERATOR}" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0
    "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")

if(MODE STREQUAL "find_package")
    set(prefix "${WORK_DIR}/prefix")
    run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" --config "${CONFIG}")
    run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/package/consumer" -B "${WORK_DIR}/build"
        ${_common} "-DCMAKE_PREFIX_PATH=${prefix}")
    run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build" --config "${CONFIG}")
    run("${WORK_DIR}/build/consumer")
    run("${WORK_DIR}/build/consumer_core_only")
    if(EXISTS "${WORK_DIR}/build/consumer_storage")
        run("${WORK_DIR}/build/consumer_storage")
    endif()

    # COMPONENTS: the ones this build has are found; an unknown one fails, naming it.
    components("${prefix}" "${WORK_DIR}/components" core json serialization catalog report sqlite)
    expect_failure("'nosuch' is not a theracore component"
        "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/package/components"
        -B "${WORK_DIR}/components-unknown" ${_common} "-DCMAKE_PREFIX_PATH=${prefix}"
        "-DWANTED=core,nosuch")

    # pkg-config: the .pc file must give flags that compile and link the same program.
    find_program(PKG_CONFIG pkg-config)
    if(PKG_CONFIG)
        file(GLOB_RECURSE pc_files "${prefix}/*/theracore.pc")
        list(GET pc_files 0 pc_file)
        get_filename_component(pc_dir "${pc_file}" DIRECTORY)
        set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
        execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs theracore
            RESULT_VARIABLE rc OUTPUT_VARIABLE pc_flags OUTPUT_STRIP_TRAILING_WHITESPACE)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "pkg-config cannot read ${pc_file}")
        endif()
        separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
        separate_arguments(extra UNIX_COMMAND "${EXTRA_FLAGS}")
        find_program(CXX NAMES c++ g++ REQUIRED)
        run("${CXX}" ${extra} "${SOURCE_DIR}/tests/package/consumer/main.cpp"
            -o "${WORK_DIR}/consumer_pkgconfig" ${pc_flags})
        run("${WORK_DIR}/consumer_pkgconfig")
    else()
        message(FATAL_ERROR "pkg-config is required for the package test (scripts/bootstrap.sh installs it)")
    endif()
elseif(MODE STREQUAL "add_subdirectory_shared")
    # One build of the library from source serves two ways of consuming it (building TheraCore
    # twice more would cost the test suite minutes):
    # - subdir/ add_subdirectory()s this source tree, here as shared objects
    #   (BUILD_SHARED_LIBS=ON, hidden visibility, only THERACORE_API exported) and without the
    #   PostgreSQL and Boost.Serialization components, and its consumer runs;
    # - that build is installed, and components/ links the installed .so files by COMPONENTS,
    #   catches the library's exceptions by type, and a request for a component this
    #   installation lacks fails, naming it.
    # The compiled Boost.Serialization adapters are covered as a shared library by the sanitizer
    # build (scripts/test.sh), whose unit tests link every component as .so files.
    set(prefix "${WORK_DIR}/prefix")
    run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/package/subdir" -B "${WORK_DIR}/build"
        ${_library_build} "-DTHERACORE_SOURCE_DIR=${SOURCE_DIR}" -DBUILD_SHARED_LIBS=ON
        -DTHERACORE_WITH_POSTGRESQL=OFF -DTHERACORE_WITH_SERIALIZATION=OFF
        -DTHERACORE_INSTALL=ON "-DCMAKE_INSTALL_PREFIX=${prefix}")
    run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build" -j "${JOBS}")
    run("${WORK_DIR}/build/consumer")
    run("${CMAKE_COMMAND}" --install "${WORK_DIR}/build")
    file(GLOB_RECURSE shared_core "${prefix}/*/libtheracore_core.so")
    if(NOT shared_core)
        message(FATAL_ERROR "no libtheracore_core.so was installed under ${prefix}")
    endif()
    components("${prefix}" "${WORK_DIR}/components" core json catalog report sqlite)
    execute_process(COMMAND ldd "${WORK_DIR}/components/components_consumer"
                    OUTPUT_VARIABLE linked)
    if(NOT linked MATCHES "libtheracore_core\\.so" OR NOT linked MATCHES "libtheracore_sqlite\\.so")
        message(FATAL_ERROR "the consumer does not load the shared libraries:\n${linked}")
    endif()
    foreach(_unbuilt postgresql serialization)
        expect_failure("component '${_unbuilt}' was not built"
            "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/package/components"
            -B "${WORK_DIR}/components-no-${_unbuilt}" ${_common} "-DCMAKE_PREFIX_PATH=${prefix}"
            "-DWANTED=sqlite,${_unbuilt}")
    endforeach()
else()
    message(FATAL_ERROR "unknown MODE ${MODE}")
endif()

# SPDX-License-Identifier: Apache-2.0
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}")
    endif()
    message(STATUS "${out}")
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
run("${PYTHON}" -m venv --system-site-packages "${WORK_DIR}/venv")
set(venv_python "${WORK_DIR}/venv/bin/python")
# Build from a copy: pip would otherwise write build/ and *.egg-info into the source tree.
file(MAKE_DIRECTORY "${WORK_DIR}/src")
foreach(item CMakeLists.txt LICENSE README.md pyproject.toml setup.py bindings cmake examples
             include python src)
    file(COPY "${SOURCE_DIR}/${item}" DESTINATION "${WORK_DIR}/src")
endforeach()
set(ENV{THERACORE_CMAKE_BUILD_DIR} "${BUILD_DIR}")
run("${venv_python}" -m pip install --no-build-isolation --no-index --no-deps -q "${WORK_DIR}/src")
run("${venv_python}" -c
    "import theracore, pathlib, sys; p = pathlib.Path(theracore.__file__); assert 'site-packages' in str(p), p; assert (p.parent / 'py.typed').exists(); c = theracore.Client(id='c1', legal_name=theracore.HumanName(text='Zoë')); assert theracore.Client.from_dict(c.to_dict()) == c; import importlib.metadata as md; assert md.version('theracore') == theracore.__version__, (md.version('theracore'), theracore.__version__); print('installed theracore', theracore.__version__, 'at', p.parent)")

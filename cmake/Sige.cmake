# Helpers that keep the top-level CMakeLists.txt a table of modules.

# sige_add_library(name dir [PUBLIC deps...] [PRIVATE deps...] [EXTRA sources...])
# A static library of every .cpp in `dir` except *_test.cpp, with includes rooted at src/.
function(sige_add_library name dir)
    cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE;EXTRA" ${ARGN})
    file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/${dir}/*.cpp")
    list(FILTER sources EXCLUDE REGEX "_test\\.cpp$")
    add_library(${name} STATIC ${sources} ${ARG_EXTRA})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
endfunction()

# sige_add_unit_tests(name dir lib): one GoogleTest executable with every *_test.cpp in dir.
function(sige_add_unit_tests name dir lib)
    file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/${dir}/*_test.cpp")
    if(NOT sources)
        return()
    endif()
    add_executable(${name} ${sources})
    target_link_libraries(${name} PRIVATE ${lib} GTest::gtest_main GTest::gmock)
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
endfunction()

# sige_embed_file(file var out): a C++ source defining `const char* const sige::cli::var`
# with the file's text.
function(sige_embed_file file var out)
    set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
    file(READ "${file}" content)
    file(WRITE "${out}.tmp"
        "// Generated from ${file} by cmake/Sige.cmake. Do not edit.\nnamespace sige::cli {\nextern const char* const ${var};\nconst char* const ${var} = R\"sige_embed(${content})sige_embed\";\n}\n")
    configure_file("${out}.tmp" "${out}" COPYONLY)
endfunction()

# sige_add_pytest_dir(dir label [POSTGRESQL]): one ctest per dir/test_*.py, run by Debian's
# pytest against the built binary; with POSTGRESQL, each file runs a second time beside a
# throwaway PostgreSQL server (scripts/pg-tmp), its installations in that database.
function(sige_add_pytest_dir dir label)
    cmake_parse_arguments(ARG "POSTGRESQL" "" "" ${ARGN})
    file(GLOB tests CONFIGURE_DEPENDS "${dir}/test_*.py")
    foreach(test IN LISTS tests)
        get_filename_component(stem "${test}" NAME_WE)
        set(run /usr/bin/python3 -m pytest -q -p no:cacheprovider "${test}")
        add_test(NAME ${label}_${stem} COMMAND ${run} WORKING_DIRECTORY "${dir}")
        set(names ${label}_${stem})
        if(ARG_POSTGRESQL)
            add_test(NAME ${label}_${stem}_postgresql
                COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-tmp ${run} WORKING_DIRECTORY "${dir}")
            list(APPEND names ${label}_${stem}_postgresql)
        endif()
        set_tests_properties(${names} PROPERTIES
            LABELS ${label}
            TIMEOUT 900
            ENVIRONMENT "SIGE_BIN=$<TARGET_FILE:sige>;PYTHONDONTWRITEBYTECODE=1")
    endforeach()
endfunction()

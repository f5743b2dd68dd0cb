# Small helpers so that each module's CMakeLists.txt stays a few lines long.

# zl_library(NAME SOURCES a.cc b.cc DEPS lib...): a static library whose headers are
# included from the src/ root ("base/status.h").
function(zl_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# zl_test(NAME SOURCES x_test.cc DEPS lib...): a GoogleTest program registered with CTest.
# Tests run with the repository root as working directory so they can find data/ and
# ../shared/.
function(zl_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  set(labels unit)
  if(ARG_LABELS)
    set(labels ${ARG_LABELS})
  endif()
  gtest_discover_tests(${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                       PROPERTIES LABELS "${labels}" DISCOVERY_TIMEOUT 60)
endfunction()

# zl_embed_files(OUT_VAR NAMESPACE ns FUNCTION fn FILES f...): generates a .cc that defines
#   std::span<const zl::EmbeddedFile> ns::fn()
# holding each file's name (relative to the project root) and bytes. Used to compile data
# (region codes, the holiday calendar, SQL migrations) into the binary so it runs anywhere.
function(zl_embed_files out_var)
  cmake_parse_arguments(ARG "" "NAMESPACE;FUNCTION" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${ARG_FUNCTION}_embedded.cc")
  set(inputs)
  foreach(f ${ARG_FILES})
    list(APPEND inputs "${PROJECT_SOURCE_DIR}/${f}")
  endforeach()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${ARG_NAMESPACE} -DFUNCTION=${ARG_FUNCTION}
            -DROOT=${PROJECT_SOURCE_DIR} "-DFILES=${ARG_FILES}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${ARG_FUNCTION} data"
    VERBATIM)
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

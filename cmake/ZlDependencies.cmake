# Finds the Debian 12 packages Zhiliang builds against (scripts/setup-deps installs them).
# Debian ships SOCI without a CMake config, so its imported targets are made here under
# the names upstream exports (SOCI::soci_core, SOCI::soci_sqlite3, SOCI::soci_postgresql).
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(GTest REQUIRED)
find_package(benchmark REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# Spreadsheet files (src/sheet): minizip opens .xlsx zips, expat streams their XML, and
# libxlsxwriter writes .xlsx exports.
pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET minizip)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
find_package(EXPAT REQUIRED)

find_package(SOCI 4.0 CONFIG QUIET)
if(NOT SOCI_FOUND)
  find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
  find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
  find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
  find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
  add_library(SOCI::soci_core UNKNOWN IMPORTED)
  set_target_properties(SOCI::soci_core PROPERTIES IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}")
  target_link_libraries(SOCI::soci_core INTERFACE Boost::headers ${CMAKE_DL_LIBS})
  add_library(SOCI::soci_sqlite3 UNKNOWN IMPORTED)
  set_target_properties(SOCI::soci_sqlite3 PROPERTIES IMPORTED_LOCATION "${SOCI_SQLITE3_LIBRARY}")
  target_link_libraries(SOCI::soci_sqlite3 INTERFACE SOCI::soci_core SQLite::SQLite3)
  add_library(SOCI::soci_postgresql UNKNOWN IMPORTED)
  set_target_properties(SOCI::soci_postgresql PROPERTIES
                        IMPORTED_LOCATION "${SOCI_POSTGRESQL_LIBRARY}")
  target_link_libraries(SOCI::soci_postgresql INTERFACE SOCI::soci_core PostgreSQL::PostgreSQL)
endif()

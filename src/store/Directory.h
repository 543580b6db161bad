#pragma once
// The queries behind Store's directory calls (units, people, yearly results). Internal to
// src/store.

#include "store/DirectoryTypes.h"
#include "store/SqlConnection.h"

namespace thidua::store {

Result<std::vector<UnitRecord>> list_units(SqlConnection& db);
Result<std::vector<PersonRecord>> list_people(SqlConnection& db, const PeopleQuery& query);
Result<std::vector<UnitYearRecord>> list_unit_years(SqlConnection& db, const UnitYearQuery& query);

}  // namespace thidua::store

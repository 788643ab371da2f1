// Which brief a command line names (--like): by its id, or by the file it was indexed from.
#pragma once

#include <xapian.h>

#include <string>

namespace briefsearch {

// The id of the one brief that reference names. A reference is, in this order:
// - the brief's id (kIdFilter), as text output and JSON show it;
// - the path of the file the brief was indexed from, relative to the working folder or
//   absolute, resolved as the indexer records paths (resolved_path: symbolic links
//   followed) and compared with each brief's source (kSourceSlot);
// - for a JSON Lines record, that path then "#LINE", the record's line (as in its derived
//   id and in text output): "corpus/export.jsonl#12".
// Finding a brief by path reads every brief's source value once; by id, one posting list.
// Throws QueryError naming reference when no brief matches, and when it names several:
// a JSON Lines file without "#LINE", or the id of one brief and the path of another
// (the message lists them, as ids and as FILE#LINE).
[[nodiscard]] std::string brief_id_for_reference(const Xapian::Database& database,
                                                 const std::string& reference);

}  // namespace briefsearch

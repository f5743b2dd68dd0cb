// How enterprise names are made searchable by any part of the name, down to one character.
//
// A name's search key is its NFKC form, lower-cased, with everything but letters and digits
// removed ("唐山市（鑫达）钢铁有限公司" → "唐山市鑫达钢铁有限公司"). The index holds the key's
// distinct single characters and its character pairs in order (bigrams). A query of one
// character looks up that character; a longer one looks up its bigrams as a phrase (each
// following the previous), which finds exactly the keys containing the query — two-character
// Chinese words such as 钢铁 included, which a trigram index cannot serve.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zl::domain {

// The search key of a name or a query; "" when it has no letter or digit.
std::string NameSearchKey(std::string_view text);

// The key's code points, in order.
std::vector<std::string> KeyCharacters(std::string_view key);

// Consecutive character pairs of `key` in order, e.g. "唐山钢铁" → 唐山 山钢 钢铁. A key of one
// character has none.
std::vector<std::string> KeyBigrams(std::string_view key);

// The distinct characters of `key`, in order of first appearance.
std::vector<std::string> KeyUnigrams(std::string_view key);

}  // namespace zl::domain

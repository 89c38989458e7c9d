//! Rules files: user entities, stop-names, forced merges and splits,
//! gazetteer switches and extra trigger words, validated at load time.

//! Nothing to use: this package holds the browser tests of the built book, in
//! `tests/`. See `tests/book.rs`.

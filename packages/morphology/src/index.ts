// Re-exports by name, one module per idea.
export {};

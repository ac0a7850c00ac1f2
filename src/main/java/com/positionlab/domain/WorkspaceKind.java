package com.positionlab.domain;

/** What a workspace holds: the generated demo, nothing yet, or the user's own data. */
public enum WorkspaceKind { DEMO, EMPTY, USER }

package com.positionlab.engine.optimize.allocate;

/**
 * The exact allocation, how sure the solver is of it, and what it minimised.
 *
 * @param allocation the units and leftovers
 * @param status     {@link Status#OPTIMAL} when every book was solved to optimality, {@link Status#FEASIBLE}
 *                   when the time limit stopped a book's search at its best allocation so far
 * @param deviation  the minimised objective, {@link ExactAllocator#deviation}, in account currency
 */
public record ExactAllocation(Allocation allocation, Status status, double deviation) {

    /** The solver's verdict on a solution it returns; any other outcome is an error, not a result. */
    public enum Status {
        /** Proven optimal (within the solver's gap tolerance). */
        OPTIMAL,
        /** Within the budget and the lots, the best found before the time limit, not proven optimal. */
        FEASIBLE
    }
}

package org.termcurator.ui.session;

/** The project commands of the window, for views that offer them, and moving between its sections. */
public interface ProjectActions {

    void newProject();

    void openProject();

    /** Shows the Rollouts section (e.g. after rollouts were queued elsewhere). */
    default void showRollouts() {
    }

    /** Shows a stored trajectory in the Trajectories section. */
    default void openTrajectory(long trajectoryId) {
    }
}

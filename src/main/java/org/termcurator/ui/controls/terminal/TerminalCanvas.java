package org.termcurator.ui.controls.terminal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.termcurator.core.terminal.Cell;
import org.termcurator.core.terminal.Palette;
import org.termcurator.core.terminal.Style;
import org.termcurator.core.terminal.TerminalView;
import org.termcurator.core.terminal.UnderlineStyle;

/**
 * Draws a {@link TerminalView} (a live emulator or a frozen snapshot) on a canvas: a monospace cell
 * grid with indexed, 256 and 24-bit colours resolved through a {@link Palette}, bold, italic, dim,
 * underline, strike-through, inverse and hidden cells, wide characters, the cursor in its DECSCUSR
 * shape, scrolling into the scrollback, mouse selection and copying.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link #setView(TerminalView)} (FX thread) shows a view. An emulator passed here must only be
 *       changed on the FX thread; call {@link #requestRepaint()} after changing it.</li>
 *   <li>{@link #showLive(LiveTerminal)} (FX thread) shows a terminal that other threads feed: they call
 *       {@link LiveTerminal#feed}, which repaints this canvas by itself.</li>
 *   <li>{@link #requestRepaint()} (any thread) asks for a redraw; requests are coalesced so that the
 *       canvas draws at most once per animation frame, however often it is called.</li>
 *   <li>{@link #setPalette}, {@link #setFontSize}, {@link #setFitToSize} (shrink or grow the font so the
 *       whole terminal fits the control; {@link #columnsThatFit()}/{@link #rowsThatFit()} give the grid
 *       that fits at the fixed font size, to resize a live terminal to the control).</li>
 *   <li>{@link #scrollBy}, {@link #scrollToBottom}: lines scrolled up into the scrollback (mouse wheel,
 *       Shift+Page Up/Down do the same).</li>
 *   <li>{@link #selectedText()}, {@link #copySelection()}, {@link #copyScreen()}, {@link #selectAll()}
 *       (mouse drag, Shortcut+C, Shortcut+A and the context menu do the same).</li>
 *   <li>{@link #setSearchTerm} marks every visible occurrence of a text (case-insensitive).</li>
 * </ul>
 */
public final class TerminalCanvas extends Region {

    private static final String MONOSPACE_FAMILY = "Monospaced";
    private static final double DEFAULT_FONT_SIZE = 13;
    private static final double MIN_FONT_SIZE = 4;
    private static final double MAX_FONT_SIZE = 40;
    private static final int WHEEL_LINES = 3;
    private static final Color SELECTION = Color.rgb(80, 140, 255, 0.40);
    private static final Color SEARCH_HIT = Color.rgb(255, 200, 0, 0.45);
    /** Frames without a request after which the frame timer stops, so an idle canvas costs nothing. */
    private static final int IDLE_FRAMES_BEFORE_STOP = 3;

    /** A position in the whole text: scrollback lines first (0 = oldest), then the screen rows. */
    private record GridPoint(int line, int col) implements Comparable<GridPoint> {
        @Override
        public int compareTo(GridPoint other) {
            return line != other.line ? Integer.compare(line, other.line) : Integer.compare(col, other.col);
        }
    }

    private final Canvas canvas = new Canvas();
    private final Map<Integer, Color> colours = new HashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean framesRunning = new AtomicBoolean();
    private final AnimationTimer frames = new AnimationTimer() {
        private int idleFrames;

        @Override
        public void handle(long now) {
            if (dirty.getAndSet(false)) {
                idleFrames = 0;
                paint();
            } else if (++idleFrames >= IDLE_FRAMES_BEFORE_STOP) {
                idleFrames = 0;
                framesRunning.set(false);
                // a request that raced with this check keeps the timer going
                if (!(dirty.get() && framesRunning.compareAndSet(false, true))) {
                    stop();
                }
            }
        }
    };

    private TerminalView view;
    private LiveTerminal live;
    private Palette palette = Palette.XTERM;
    private double fontSize = DEFAULT_FONT_SIZE;
    private boolean fitToSize;
    private Fonts fonts;
    private int scrollOffset;
    private GridPoint anchor;
    private GridPoint focus;
    private String searchTerm = "";
    private long paintCount;
    private Runnable gridChanged = () -> { };

    /** The four faces of one font size and the cell they fill. */
    private record Fonts(double size, Font regular, Font bold, Font italic, Font boldItalic,
                         double cellWidth, double cellHeight, double baseline) {

        static Fonts of(double size) {
            Font regular = Font.font(MONOSPACE_FAMILY, FontWeight.NORMAL, FontPosture.REGULAR, size);
            Text probe = new Text("MMMMMMMMMM");
            probe.setFont(regular);
            double width = probe.getLayoutBounds().getWidth() / 10;
            double height = Math.ceil(probe.getLayoutBounds().getHeight());
            return new Fonts(size, regular,
                    Font.font(MONOSPACE_FAMILY, FontWeight.BOLD, FontPosture.REGULAR, size),
                    Font.font(MONOSPACE_FAMILY, FontWeight.NORMAL, FontPosture.ITALIC, size),
                    Font.font(MONOSPACE_FAMILY, FontWeight.BOLD, FontPosture.ITALIC, size),
                    width, height, probe.getBaselineOffset());
        }

        Font face(Style style) {
            return style.bold() ? (style.italic() ? boldItalic : bold) : (style.italic() ? italic : regular);
        }
    }

    public TerminalCanvas() {
        getStyleClass().add("terminal-canvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(0, 0);
        fonts = Fonts.of(fontSize);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        setOnContextMenuRequested(event -> contextMenu().show(this, event.getScreenX(), event.getScreenY()));
        sceneProperty().addListener((observable, before, after) -> requestRepaint());
        focusedProperty().addListener((observable, before, after) -> requestRepaint());
    }

    // ---------------------------------------------------------------- what is shown

    /** Shows {@code view} (null: an empty terminal). FX thread only; stops showing a live terminal. */
    public void setView(TerminalView view) {
        detachLive();
        boolean sizeChanged = this.view == null || view == null
                || this.view.cols() != view.cols() || this.view.rows() != view.rows();
        this.view = view;
        clampScroll();
        if (sizeChanged) {
            requestLayout();
            gridChanged.run();
        }
        requestRepaint();
    }

    public TerminalView getView() {
        return view;
    }

    /** Shows a terminal fed by other threads; each frame draws a consistent snapshot of it. FX thread only. */
    public void showLive(LiveTerminal terminal) {
        detachLive();
        live = Objects.requireNonNull(terminal, "terminal");
        view = terminal.snapshot();
        terminal.attach(this);
        requestLayout();
        requestRepaint();
    }

    private void detachLive() {
        if (live != null) {
            live.detach(this);
            live = null;
        }
    }

    public void setPalette(Palette palette) {
        this.palette = palette == null ? Palette.XTERM : palette;
        colours.clear();
        requestRepaint();
    }

    public Palette getPalette() {
        return palette;
    }

    /** The font size used when not fitting to size, and for the preferred size. */
    public void setFontSize(double size) {
        fontSize = Math.clamp(size, MIN_FONT_SIZE, MAX_FONT_SIZE);
        requestLayout();
        requestRepaint();
    }

    public double getFontSize() {
        return fontSize;
    }

    /** Called when a view of another grid size is shown (e.g. to fit the font again). */
    public void setOnGridChanged(Runnable listener) {
        gridChanged = listener == null ? () -> { } : listener;
    }

    /** When true the font scales so that the whole grid fills the control's space. */
    public void setFitToSize(boolean fit) {
        fitToSize = fit;
        requestLayout();
        requestRepaint();
    }

    public boolean isFitToSize() {
        return fitToSize;
    }

    /** Marks occurrences of {@code term} on the visible rows; empty or null clears the marks. */
    public void setSearchTerm(String term) {
        searchTerm = term == null ? "" : term;
        requestRepaint();
    }

    /** Columns that fit the control's width at the fixed font size, at least 1. */
    public int columnsThatFit() {
        Fonts fixed = Fonts.of(fontSize);
        return Math.max(1, (int) ((getWidth() - horizontalInsets()) / fixed.cellWidth()));
    }

    /** Rows that fit the control's height at the fixed font size, at least 1. */
    public int rowsThatFit() {
        Fonts fixed = Fonts.of(fontSize);
        return Math.max(1, (int) ((getHeight() - verticalInsets()) / fixed.cellHeight()));
    }

    public double cellWidth() {
        return fonts.cellWidth();
    }

    /** The grid's columns and rows (80x24 before a view is shown). */
    public int gridColumns() {
        return cols();
    }

    public int gridRows() {
        return rows();
    }

    /** The width and height of one cell at a font size, without changing this canvas. */
    public static double[] cellSizeAt(double size) {
        Fonts probe = CELL_SIZES.computeIfAbsent(size, Fonts::of);
        return new double[] {probe.cellWidth(), probe.cellHeight()};
    }

    private static final java.util.Map<Double, Fonts> CELL_SIZES = new java.util.concurrent.ConcurrentHashMap<>();

    public double cellHeight() {
        return fonts.cellHeight();
    }

    // ---------------------------------------------------------------- repainting

    /**
     * Asks for a redraw at the next animation frame. Safe from any thread; any number of calls
     * between two frames give one redraw.
     */
    public void requestRepaint() {
        dirty.set(true);
        if (framesRunning.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                frames.start();
            } else {
                Platform.runLater(frames::start);
            }
        }
    }

    /** How many frames the canvas has drawn so far (FX thread), e.g. to wait for or time a frame. */
    public long paintCount() {
        return paintCount;
    }

    /** The canvas the terminal is drawn on, e.g. to take an image of it. */
    public Canvas canvas() {
        return canvas;
    }

    // ---------------------------------------------------------------- layout

    private double horizontalInsets() {
        Insets insets = getInsets();
        return insets.getLeft() + insets.getRight();
    }

    private double verticalInsets() {
        Insets insets = getInsets();
        return insets.getTop() + insets.getBottom();
    }

    private int cols() {
        return view == null ? 80 : view.cols();
    }

    private int rows() {
        return view == null ? 24 : view.rows();
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.ceil(cols() * Fonts.of(fontSize).cellWidth()) + horizontalInsets();
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.ceil(rows() * Fonts.of(fontSize).cellHeight()) + verticalInsets();
    }

    @Override
    protected void layoutChildren() {
        Insets insets = getInsets();
        double width = Math.max(0, getWidth() - horizontalInsets());
        double height = Math.max(0, getHeight() - verticalInsets());
        canvas.relocate(insets.getLeft(), insets.getTop());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            requestRepaint();
        }
        Fonts wanted = fitToSize ? fittedFonts(width, height) : fontsOfSize(fontSize);
        if (wanted != fonts) {
            fonts = wanted;
            requestRepaint();
        }
    }

    private Fonts fontsOfSize(double size) {
        return fonts.size() == size ? fonts : Fonts.of(size);
    }

    private Fonts fittedFonts(double width, double height) {
        if (width <= 0 || height <= 0) {
            return fonts;
        }
        Fonts reference = fontsOfSize(fontSize);
        double scale = Math.min(width / (cols() * reference.cellWidth()), height / (rows() * reference.cellHeight()));
        double size = Math.clamp(Math.floor(fontSize * scale * 4) / 4, MIN_FONT_SIZE, MAX_FONT_SIZE);
        return fontsOfSize(size);
    }

    // ---------------------------------------------------------------- drawing

    private void paint() {
        paintCount++;
        if (live != null) {
            TerminalView next = live.snapshot();
            if (view == null || next.cols() != view.cols() || next.rows() != view.rows()) {
                requestLayout();
            }
            view = next;
            clampScroll();
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(colour(palette.background()));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (view == null) {
            return;
        }
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        int firstLine = view.scrollbackSize() - scrollOffset;
        for (int row = 0; row < view.rows(); row++) {
            paintRow(g, row, firstLine + row);
        }
        paintCursor(g);
        paintMarks(g, firstLine);
    }

    private void paintRow(GraphicsContext g, int row, int line) {
        double cw = fonts.cellWidth();
        double ch = fonts.cellHeight();
        double y = row * ch;
        int cols = view.cols();
        Cell[] cells = new Cell[cols];
        for (int col = 0; col < cols; col++) {
            cells[col] = cellAt(line, col);
        }
        // backgrounds first, merged into runs, so glyphs that overhang their cell are not cut
        int col = 0;
        while (col < cols) {
            int background = backgroundOf(cells[col].style());
            int end = col + 1;
            while (end < cols && backgroundOf(cells[end].style()) == background) {
                end++;
            }
            if (background != palette.background()) {
                g.setFill(colour(background));
                g.fillRect(col * cw, y, (end - col) * cw, ch);
            }
            col = end;
        }
        col = 0;
        while (col < cols) {
            Cell cell = cells[col];
            if (cell.isWideContinuation()) {
                col++;
                continue;
            }
            int end = col + 1;
            StringBuilder run = new StringBuilder(cell.text());
            // ASCII runs of one style go out in one call; anything else is placed cell by cell so a
            // glyph from a fallback font cannot push its neighbours off the grid
            if (isAscii(cell)) {
                while (end < cols && isAscii(cells[end]) && cells[end].style().equals(cell.style())) {
                    run.append(cells[end].text());
                    end++;
                }
            }
            paintText(g, run.toString(), cell.style(), col, end - col + (cell.width() == 2 ? 1 : 0), y, cell.width() == 2);
            col = end;
        }
    }

    private static boolean isAscii(Cell cell) {
        String text = cell.text();
        return cell.width() == 1 && text.length() == 1 && text.charAt(0) < 0x7F;
    }

    private void paintText(GraphicsContext g, String text, Style style, int col, int span, double y, boolean wide) {
        if (style.hidden() || text.isBlank() && !style.underlined() && !style.strikethrough()) {
            return;
        }
        double cw = fonts.cellWidth();
        double x = col * cw;
        Color fill = colour(foregroundOf(style));
        g.setFill(fill);
        g.setFont(fonts.face(style));
        if (wide) {
            // centre a wide glyph in its two cells, whatever width the font gives it
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(text, x + cw, y + fonts.baseline());
            g.setTextAlign(TextAlignment.LEFT);
        } else {
            g.fillText(text, x, y + fonts.baseline());
        }
        double width = span * cw;
        if (style.underlined()) {
            g.setStroke(fill);
            g.setLineWidth(1);
            double underlineY = Math.floor(y + fonts.baseline() + 1.5) + 0.5;
            g.strokeLine(x, underlineY, x + width, underlineY);
            if (style.underline() == UnderlineStyle.DOUBLE) {
                g.strokeLine(x, underlineY + 2, x + width, underlineY + 2);
            }
        }
        if (style.strikethrough()) {
            g.setStroke(fill);
            g.setLineWidth(1);
            double strikeY = Math.floor(y + fonts.cellHeight() / 2) + 0.5;
            g.strokeLine(x, strikeY, x + width, strikeY);
        }
    }

    private void paintCursor(GraphicsContext g) {
        if (!view.cursorVisible() || scrollOffset > 0) {
            return;
        }
        int row = view.cursorRow();
        int col = Math.min(view.cursorCol(), view.cols() - 1);
        double cw = fonts.cellWidth();
        double ch = fonts.cellHeight();
        double x = col * cw;
        double y = row * ch;
        Cell cell = view.cellAt(row, col);
        double width = cell.width() == 2 ? 2 * cw : cw;
        g.setFill(colour(palette.foreground()));
        switch (view.cursorShape()) {
            case 3, 4 -> g.fillRect(x, y + ch - 2, width, 2);
            case 5, 6 -> g.fillRect(x, y, 2, ch);
            default -> {
                if (isFocused()) {
                    g.fillRect(x, y, width, ch);
                    if (!cell.text().isBlank()) {
                        g.setFill(colour(palette.background()));
                        g.setFont(fonts.face(cell.style()));
                        g.fillText(cell.text(), x, y + fonts.baseline());
                    }
                } else {
                    g.setStroke(colour(palette.foreground()));
                    g.setLineWidth(1);
                    g.strokeRect(x + 0.5, y + 0.5, width - 1, ch - 1);
                }
            }
        }
    }

    /** Selection and search marks, drawn translucently over the text. */
    private void paintMarks(GraphicsContext g, int firstLine) {
        double cw = fonts.cellWidth();
        double ch = fonts.cellHeight();
        if (!searchTerm.isEmpty()) {
            String term = searchTerm.toLowerCase(Locale.ROOT);
            g.setFill(SEARCH_HIT);
            for (int row = 0; row < view.rows(); row++) {
                String text = columnText(firstLine + row).toLowerCase(Locale.ROOT);
                for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                    g.fillRect(at * cw, row * ch, term.length() * cw, ch);
                }
            }
        }
        if (hasSelection()) {
            GridPoint start = selectionStart();
            GridPoint end = selectionEnd();
            g.setFill(SELECTION);
            for (int row = 0; row < view.rows(); row++) {
                int line = firstLine + row;
                if (line < start.line() || line > end.line()) {
                    continue;
                }
                int from = line == start.line() ? start.col() : 0;
                int to = line == end.line() ? end.col() : view.cols();
                g.fillRect(from * cw, row * ch, (to - from) * cw, ch);
            }
        }
    }

    /** One character per column (a wide character's right half as a NUL), so indexes are columns. */
    private String columnText(int line) {
        char[] chars = new char[view.cols()];
        for (int col = 0; col < chars.length; col++) {
            String text = cellAt(line, col).text();
            chars[col] = text.isEmpty() ? '\0' : text.charAt(0);
        }
        return new String(chars);
    }

    private Cell cellAt(int line, int col) {
        int scrollback = view.scrollbackSize();
        return line < scrollback ? view.scrollbackCellAt(line, col) : view.cellAt(line - scrollback, col);
    }

    private int foregroundOf(Style style) {
        int foreground = palette.rgb(style.foreground(), true);
        int background = palette.rgb(style.background(), false);
        int colour = style.inverse() ? background : foreground;
        if (style.dim()) {
            colour = blend(colour, style.inverse() ? foreground : background);
        }
        return colour;
    }

    private int backgroundOf(Style style) {
        return style.inverse() ? palette.rgb(style.foreground(), true) : palette.rgb(style.background(), false);
    }

    /** Halfway between two colours: how dim (faint) text is drawn. */
    private static int blend(int rgb, int towards) {
        int r = (((rgb >> 16) & 0xFF) + ((towards >> 16) & 0xFF)) / 2;
        int g = (((rgb >> 8) & 0xFF) + ((towards >> 8) & 0xFF)) / 2;
        int b = ((rgb & 0xFF) + (towards & 0xFF)) / 2;
        return r << 16 | g << 8 | b;
    }

    private Color colour(int rgb) {
        return colours.computeIfAbsent(rgb, value -> Color.rgb((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF));
    }

    // ---------------------------------------------------------------- scrolling

    /** Lines the view is scrolled up into the scrollback; 0 shows the screen. */
    public int getScrollOffset() {
        return scrollOffset;
    }

    /** Scrolls {@code lines} further into the scrollback (negative: back towards the screen). */
    public void scrollBy(int lines) {
        scrollOffset += lines;
        clampScroll();
        requestRepaint();
    }

    public void scrollToBottom() {
        scrollOffset = 0;
        requestRepaint();
    }

    private void clampScroll() {
        scrollOffset = Math.clamp(scrollOffset, 0, view == null ? 0 : view.scrollbackSize());
    }

    private void scrolled(ScrollEvent event) {
        if (event.getDeltaY() != 0) {
            scrollBy(event.getDeltaY() > 0 ? WHEEL_LINES : -WHEEL_LINES);
            event.consume();
        }
    }

    // ---------------------------------------------------------------- selection and copying

    private GridPoint pointAt(double x, double y) {
        int col = Math.clamp((int) Math.round(x / fonts.cellWidth()), 0, cols());
        int row = Math.clamp((int) Math.floor(y / fonts.cellHeight()), 0, rows() - 1);
        int firstLine = view == null ? 0 : view.scrollbackSize() - scrollOffset;
        return new GridPoint(firstLine + row, col);
    }

    private void mousePressed(MouseEvent event) {
        requestFocus();
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        anchor = pointAt(event.getX(), event.getY());
        focus = anchor;
        requestRepaint();
    }

    private void mouseDragged(MouseEvent event) {
        if (anchor == null) {
            return;
        }
        focus = pointAt(event.getX(), event.getY());
        requestRepaint();
    }

    private boolean hasSelection() {
        return anchor != null && focus != null && !anchor.equals(focus) && view != null;
    }

    private GridPoint selectionStart() {
        return anchor.compareTo(focus) <= 0 ? anchor : focus;
    }

    private GridPoint selectionEnd() {
        return anchor.compareTo(focus) <= 0 ? focus : anchor;
    }

    /** Selects the cells of screen rows {@code fromRow..toRow} between the given columns (end exclusive). */
    public void select(int fromRow, int fromCol, int toRow, int toCol) {
        int scrollback = view == null ? 0 : view.scrollbackSize();
        anchor = new GridPoint(scrollback + fromRow, fromCol);
        focus = new GridPoint(scrollback + toRow, toCol);
        requestRepaint();
    }

    /** Selects the scrollback and the screen. */
    public void selectAll() {
        if (view == null) {
            return;
        }
        anchor = new GridPoint(0, 0);
        focus = new GridPoint(view.scrollbackSize() + view.rows() - 1, view.cols());
        requestRepaint();
    }

    public void clearSelection() {
        anchor = null;
        focus = null;
        requestRepaint();
    }

    /** The selected text, trailing spaces removed from each line; empty when nothing is selected. */
    public String selectedText() {
        if (!hasSelection()) {
            return "";
        }
        GridPoint start = selectionStart();
        GridPoint end = selectionEnd();
        int lastLine = Math.min(end.line(), view.scrollbackSize() + view.rows() - 1);
        StringBuilder text = new StringBuilder();
        for (int line = start.line(); line <= lastLine; line++) {
            int from = line == start.line() ? start.col() : 0;
            int to = line == end.line() ? end.col() : view.cols();
            StringBuilder part = new StringBuilder();
            for (int col = from; col < Math.min(to, view.cols()); col++) {
                part.append(cellAt(line, col).text());
            }
            text.append(part.toString().stripTrailing());
            boolean wrapped = line >= view.scrollbackSize() && view.isLineWrapped(line - view.scrollbackSize());
            if (line < lastLine && !wrapped) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** Puts the selection on the clipboard; false when nothing is selected. */
    public boolean copySelection() {
        String text = selectedText();
        if (text.isEmpty()) {
            return false;
        }
        putOnClipboard(text);
        return true;
    }

    /** Puts the screen's text (without the scrollback) on the clipboard. */
    public void copyScreen() {
        if (view != null) {
            putOnClipboard(view.screenText());
        }
    }

    private static void putOnClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void keyPressed(KeyEvent event) {
        if (KeyCombination.keyCombination("Shortcut+C").match(event)) {
            if (!copySelection()) {
                copyScreen();
            }
        } else if (KeyCombination.keyCombination("Shortcut+A").match(event)) {
            selectAll();
        } else if (event.isShiftDown() && event.getCode() == KeyCode.PAGE_UP) {
            scrollBy(Math.max(1, rows() - 1));
        } else if (event.isShiftDown() && event.getCode() == KeyCode.PAGE_DOWN) {
            scrollBy(-Math.max(1, rows() - 1));
        } else {
            return;
        }
        event.consume();
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy");
        copy.setDisable(!hasSelection());
        copy.setOnAction(event -> copySelection());
        MenuItem copyScreen = new MenuItem("Copy Screen");
        copyScreen.setOnAction(event -> copyScreen());
        MenuItem selectAll = new MenuItem("Select All");
        selectAll.setOnAction(event -> selectAll());
        MenuItem bottom = new MenuItem("Scroll to Bottom");
        bottom.setDisable(scrollOffset == 0);
        bottom.setOnAction(event -> scrollToBottom());
        return new ContextMenu(copy, copyScreen, selectAll, bottom);
    }
}

package sc.fiji.autoencoders.ij1;

import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;
import ij.WindowManager;

/**
 * Takes the README's screenshots from real ImageJ 1.54p (run under xvfb-run): the Plugins > Autoencoders menu, and the
 * training dialog and live loss plot. Usage: ReadmeScreenshots OUT_DIR (not a test; see bench/screenshots.sh).
 */
public final class ReadmeScreenshots {

	public static void main(final String[] args) throws Exception {
		final File out = new File(args[0]);
		out.mkdirs();
		final File plugins = Files.createTempDirectory("ij-plugins").toFile();
		try (JarOutputStream jar = new JarOutputStream(new FileOutputStream(new File(plugins, "Fiji_Autoencoders.jar")))) {
			jar.putNextEntry(new JarEntry("plugins.config"));
			jar.write(Files.readAllBytes(Paths.get("src/main/resources/plugins.config")));
			jar.closeEntry();
		}
		System.setProperty("plugins.dir", plugins.getAbsolutePath());
		final ImageJ ij = new ImageJ();
		ij.setLocation(0, 0);
		final Robot robot = new Robot();
		robot.setAutoDelay(150);
		robot.delay(1500);
		IJ.open("test-images/denoise-train.tif");
		final Window image = WindowManager.getCurrentWindow();
		image.setLocation(460, 120);
		robot.delay(1000);
		ij.toFront();
		robot.delay(500);

		// the menu: a click on Plugins (where XToolkit draws it with ImageJ's default font), then down to Autoencoders
		final MenuBar bar = Menus.getMenuBar();
		final Menu pm = bar.getMenu(5);
		int autoencoders = 0;
		for (int i = 0, visible = 0; i < pm.getItemCount(); i++) {
			if ("Autoencoders".equals(pm.getItem(i).getLabel())) autoencoders = visible;
			visible++;
		}
		robot.mouseMove(Integer.getInteger("plugins.x", 321), 12);
		robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
		robot.delay(800);
		capture(robot, new Rectangle(0, 0, 900, 700), new File(out, "menu-open.png"));
		System.out.println("Autoencoders is visible item " + autoencoders + " of " + pm.getItemCount());
		{ // measured on menu-open.png: the separator is shorter than the items
			robot.mouseMove(Integer.getInteger("plugins.x", 321) + 20, Integer.getInteger("autoencoders.y", 156));
			robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
			robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
			robot.delay(1000);
			capture(robot, new Rectangle(0, 0, 900, 700), new File(out, "menu-groups.png"));
			// then Denoise, the first of its submenus
			robot.mouseMove(Integer.getInteger("denoise.x", 480), Integer.getInteger("autoencoders.y", 156));
			robot.delay(1000);
			capture(robot, new Rectangle(0, 0, 900, 700), new File(out, "menu.png"));
		}
		press(robot, KeyEvent.VK_ESCAPE);
		press(robot, KeyEvent.VK_ESCAPE);
		robot.mouseMove(800, 650);
		robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
		robot.delay(500);

		// the training dialog from noisy images, its advanced options, then the live loss plot while it trains
		new Thread(() -> IJ.run("Train Denoiser from Noisy Images...")).start();
		robot.delay(3000);
		final java.awt.Dialog gd = find("Train Denoiser from Noisy Images");
		gd.setLocation(20, 100);
		robot.delay(800);
		capture(robot, gd.getBounds(), new File(out, "train-dialog.png"));
		final ij.gui.GenericDialog g = (ij.gui.GenericDialog) gd;
		((java.awt.TextField) g.getStringFields().get(0)).setText(new File(out, "screenshot.aemodel").getAbsolutePath());
		((java.awt.TextField) g.getNumericFields().get(0)).setText("1"); // minutes
		((java.awt.Checkbox) g.getCheckboxes().get(0)).setState(true); // advanced options
		java.awt.EventQueue.invokeAndWait(() -> g.actionPerformed(new java.awt.event.ActionEvent(g.getButtons()[0],
			java.awt.event.ActionEvent.ACTION_PERFORMED, "OK")));
		robot.delay(3000);
		final java.awt.Dialog ad = find("Train Denoiser from Noisy Images: advanced options");
		ad.setLocation(20, 20);
		robot.delay(800);
		capture(robot, ad.getBounds(), new File(out, "train-dialog-advanced.png"));
		final ij.gui.GenericDialog a = (ij.gui.GenericDialog) ad;
		((java.awt.TextField) a.getNumericFields().get(1)).setText("12"); // epochs
		((java.awt.TextField) a.getNumericFields().get(3)).setText("32"); // patch size
		((java.awt.TextField) a.getNumericFields().get(5)).setText("8"); // batch size
		((java.awt.TextField) a.getNumericFields().get(6)).setText("2"); // depth
		((java.awt.TextField) a.getNumericFields().get(7)).setText("16"); // filters
		java.awt.EventQueue.invokeAndWait(() -> a.actionPerformed(new java.awt.event.ActionEvent(a.getButtons()[0],
			java.awt.event.ActionEvent.ACTION_PERFORMED, "OK")));
		robot.delay(40000);
		for (final Window w : Window.getWindows())
			if (w instanceof ij.gui.PlotWindow && w.isShowing()) {
				w.setLocation(20, 100);
				w.toFront();
				robot.delay(800);
				capture(robot, w.getBounds(), new File(out, "loss-plot.png"));
			}
		robot.delay(10000);
		System.exit(0);
	}

	// -- Helper methods --

	private static java.awt.Dialog find(final String title) {
		for (final Window w : Window.getWindows())
			if (w.isShowing() && w instanceof java.awt.Dialog && title.equals(((java.awt.Dialog) w).getTitle()))
				return (java.awt.Dialog) w;
		throw new IllegalStateException("no dialog " + title);
	}

	private static void press(final Robot robot, final int key) {
		robot.keyPress(key);
		robot.keyRelease(key);
	}

	private static void capture(final Robot robot, final Rectangle r, final File f) throws Exception {
		final BufferedImage img = robot.createScreenCapture(r);
		ImageIO.write(img, "png", f);
		System.out.println("wrote " + f);
	}
}

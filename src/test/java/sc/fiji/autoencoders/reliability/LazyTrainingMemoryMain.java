package sc.fiji.autoencoders.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import sc.fiji.autoencoders.cli.Main;

/**
 * Runs the command line in this JVM, then prints "peak heap MB: N, old generation: M" (N the sum of the heap pools'
 * peak usages, an upper bound of the peak heap used; M the peak of what survived young collections, which the block
 * cache lives in) and exits with the command's status: what {@link LazyTrainingMemoryTest} runs with a small heap.
 */
public final class LazyTrainingMemoryMain {

	private LazyTrainingMemoryMain() {}

	public static void main(final String[] args) {
		final int status = Main.run(args);
		long peak = 0, old = 0;
		for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
				if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) old = pool.getPeakUsage()
					.getUsed();
			}
		System.out.println("peak heap MB: " + (peak >> 20) + ", old generation: " + (old >> 20));
		System.out.flush();
		System.exit(status);
	}
}

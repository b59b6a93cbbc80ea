package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.base.BadInputException;

public class TrainingConfigTest {

	/** The record stored with a model names the schedule by its id, as the command line takes it. */
	@Test
	public void recordNamesTheScheduleByItsId() {
		final TrainingConfig c = new TrainingConfig();
		assertEquals("cosine", JsonParser.parseString(c.toJson()).getAsJsonObject().get("schedule").getAsString());
		c.schedule = Schedule.PLATEAU;
		final JsonObject o = JsonParser.parseString(c.copy().toJson()).getAsJsonObject();
		assertEquals("plateau", o.get("schedule").getAsString());
		assertEquals(c.epochs, o.get("epochs").getAsInt());
	}

	@Test
	public void scheduleIsNeeded() {
		final TrainingConfig c = new TrainingConfig();
		c.schedule = null;
		assertEquals("No learning-rate schedule given: use 'cosine' or 'plateau'.", assertThrows(
			BadInputException.class, c::validate).getMessage());
	}
}

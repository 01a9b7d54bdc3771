package com.lendflow.simulator.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.lendflow.simulator.PartnerSimulatorApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = PartnerSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        useMainMethod = SpringBootTest.UseMainMethod.ALWAYS)
class StatementsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CHANNEL_HEADER = "channel_txn_id,request_no,direction,amount,status,completed_at";
    private static final String FUNDING_HEADER = "partner_txn_id,reference,type,amount,value_date";

    /** One partner's day, made once: three successful transfers through its account, one failed, one for another partner. */
    private static Day day;

    @Autowired Environment environment;

    @AfterEach
    void servedWholeAgain() throws Exception {
        send("DELETE", "/sim/v1/statements/fault", null);
        send("DELETE", "/sim/v1/statements/breaks", null);
    }

    @Test
    void theChannelStatementListsTheDaysFinishedTransfersBetweenHeaderAndTrailer() throws Exception {
        Day day = day();
        String returned = "C" + UUID.randomUUID();
        submit(returned, "COLLECTION", "60.25", "rp-" + returned, null, null);
        settled(returned);
        send("POST", "/sim/v1/channel/transfers/" + returned + "/return", "{\"reason\":\"cardholder disputed the debit\"}");
        String processing = "T" + UUID.randomUUID();
        submit(processing, "PAYOUT", "7.00", "dd-" + processing, null, "TIMEOUT");

        List<String> lines = lines(text(get("/sim/v1/channel/statements/" + day.date)));

        assertThat(lines.getFirst()).isEqualTo(CHANNEL_HEADER);
        assertTrailerAddsUp(lines);
        JsonNode payout = transfer(day.payout);
        assertThat(recordsOf(lines, day.payout)).containsExactly(payout.get("channelTransactionId").asString() + ","
                + day.payout + ",PAYOUT,1000.00,SUCCESS," + shanghai(payout.get("completedAt").asString()));
        assertThat(recordsOf(lines, day.collection)).singleElement().asString().contains(",COLLECTION,55.10,SUCCESS,");
        assertThat(recordsOf(lines, day.failed)).singleElement().asString().contains(",PAYOUT,5.00,FAILED,");
        assertThat(recordsOf(lines, day.otherPartners)).hasSize(1);
        assertThat(recordsOf(lines, returned)).singleElement().asString().contains(",COLLECTION,60.25,RETURNED,");
        assertThat(recordsOf(lines, processing)).isEmpty();
        assertThat(send("GET", "/sim/v1/channel/transfers/" + returned, null).body()).doesNotContain("fundingAccount");
    }

    @Test
    void aFundingPartnersStatementListsOnlyItsSuccessfulTransfers() throws Exception {
        Day day = day();

        List<String> lines = lines(text(get(day.fundingStatement())));

        assertThat(lines.getFirst()).isEqualTo(FUNDING_HEADER);
        assertThat(lines.subList(1, lines.size() - 1)).map(StatementsTest::withoutId).containsExactlyInAnyOrder(
                "dd-" + day.payout + ",DISBURSEMENT,1000.00," + day.date,
                "rp-" + day.collection + ",REPAYMENT,55.10," + day.date,
                "dd-" + day.small + ",DISBURSEMENT,20.00," + day.date);
        assertThat(lines.getLast()).isEqualTo("TRAILER,3,1075.10");
        assertThat(lines.get(1)).matches("^FT[0-9a-f]{24},.*");
        assertThat(transfer(day.payout).get("fundingAccount").asString()).isEqualTo(day.partner);
    }

    @Test
    void aGzippedStatementIsTheSameFileCompressed() throws Exception {
        Day day = day();

        HttpResponse<byte[]> plain = get(day.fundingStatement());
        HttpResponse<byte[]> zipped = get(day.fundingStatement() + "?gzip=true");

        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Type")).hasValue("application/gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void aDayThatHasNotBegunHasNoStatement() throws Exception {
        LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);

        HttpResponse<byte[]> channel = get("/sim/v1/channel/statements/" + tomorrow);
        HttpResponse<byte[]> funding = get("/sim/v1/funding/partner-bank-a/statements/" + tomorrow);
        HttpResponse<byte[]> nonsense = get("/sim/v1/channel/statements/2026-13-01");

        assertThat(channel.statusCode()).isEqualTo(404);
        assertThat(text(channel)).contains("urn:lendflow:problem:statement-not-ready");
        assertThat(funding.statusCode()).isEqualTo(404);
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(text(nonsense)).contains("\"field\":\"date\"");
    }

    @Test
    void aLateStatementIsNotReadyForTheNextRequestsOfItsKindOnly() throws Exception {
        Day day = day();
        send("PUT", "/sim/v1/statements/fault", "{\"target\":\"FUNDING\",\"mode\":\"LATE\",\"times\":1}");

        HttpResponse<byte[]> channel = get("/sim/v1/channel/statements/" + day.date);
        HttpResponse<byte[]> late = get(day.fundingStatement());
        HttpResponse<byte[]> ready = get(day.fundingStatement());

        assertThat(channel.statusCode()).isEqualTo(200);
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(text(late)).contains("urn:lendflow:problem:statement-not-ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(lines(text(ready)).getLast()).isEqualTo("TRAILER,3,1075.10");
    }

    @Test
    void aTruncatedStatementStopsMidLineWithoutTrailer() throws Exception {
        Day day = day();
        send("PUT", "/sim/v1/statements/fault", "{\"target\":\"FUNDING\",\"mode\":\"TRUNCATED\",\"times\":1}");

        String file = text(get(day.fundingStatement()));

        assertThat(file).doesNotContain("TRAILER").doesNotEndWith("\n");
        assertThat(lines(file)).hasSize(3);
        assertThat(lines(file).get(2)).isNotEmpty().doesNotEndWith("," + day.date);
    }

    @Test
    void aWrongTrailerIsOffByOneInTheCountThenInTheTotal() throws Exception {
        Day day = day();
        send("PUT", "/sim/v1/statements/fault", "{\"target\":\"FUNDING\",\"mode\":\"WRONG_TRAILER\",\"times\":2}");

        String countOff = text(get(day.fundingStatement()));
        String totalOff = text(get(day.fundingStatement()));
        String whole = text(get(day.fundingStatement()));

        assertThat(lines(countOff).getLast()).isEqualTo("TRAILER,4,1075.10");
        assertThat(lines(totalOff).getLast()).isEqualTo("TRAILER,3,1075.11");
        assertThat(lines(whole).getLast()).isEqualTo("TRAILER,3,1075.10");
    }

    @Test
    void duplicatedLinesRepeatARecordAndTheTrailerCountsThem() throws Exception {
        Day day = day();
        send("PUT", "/sim/v1/statements/fault", "{\"target\":\"FUNDING\",\"mode\":\"DUPLICATED_LINES\"}");

        List<String> lines = lines(text(get(day.fundingStatement())));

        assertThat(lines).hasSize(6);
        assertThat(lines.get(2)).isEqualTo(lines.get(1));
        assertThat(lines.subList(1, 5)).map(StatementsTest::withoutId).containsExactlyInAnyOrder(
                "dd-" + day.payout + ",DISBURSEMENT,1000.00," + day.date,
                "rp-" + day.collection + ",REPAYMENT,55.10," + day.date,
                "dd-" + day.small + ",DISBURSEMENT,20.00," + day.date,
                withoutId(lines.get(1)));
        assertThat(lines.getLast()).startsWith("TRAILER,4,");
        assertTrailerAddsUp(lines);
    }

    @Test
    void droppedAndChangedRecordsAreServedAsBrokenWhileTheTransfersStayAsTheyWere() throws Exception {
        Day day = day();
        inject("{\"target\":\"CHANNEL\",\"reference\":\"%s\",\"kind\":\"DROP\"}".formatted(day.payout));
        inject("{\"target\":\"CHANNEL\",\"reference\":\"%s\",\"kind\":\"AMOUNT\",\"amount\":\"55.01\"}".formatted(day.collection));
        inject("{\"target\":\"CHANNEL\",\"reference\":\"%s\",\"kind\":\"STATUS\",\"status\":\"FAILED\"}".formatted(day.small));
        inject("{\"target\":\"FUNDING\",\"reference\":\"dd-%s\",\"kind\":\"AMOUNT\",\"amount\":\"999.99\"}".formatted(day.payout));

        List<String> channel = lines(text(get("/sim/v1/channel/statements/" + day.date)));
        List<String> funding = lines(text(get(day.fundingStatement())));

        assertThat(recordsOf(channel, day.payout)).isEmpty();
        assertThat(recordsOf(channel, day.collection)).singleElement().asString().contains(",55.01,SUCCESS,");
        assertThat(recordsOf(channel, day.small)).singleElement().asString().contains(",20.00,FAILED,");
        assertTrailerAddsUp(channel);
        assertThat(funding).map(StatementsTest::withoutId).contains("dd-" + day.payout + ",DISBURSEMENT,999.99," + day.date);
        assertThat(funding.getLast()).isEqualTo("TRAILER,3,1075.09");
        assertThat(transfer(day.payout).get("amount").asString()).isEqualTo("1000.00");
        assertThat(transfer(day.small).get("status").asString()).isEqualTo("SUCCESS");
        HttpResponse<String> noAmount = send("POST", "/sim/v1/statements/breaks",
                "{\"target\":\"CHANNEL\",\"reference\":\"x\",\"kind\":\"AMOUNT\"}");
        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(noAmount.body()).contains("\"field\":\"amount\"");
    }

    @Test
    void aRecordMovedToAnotherDayLeavesItsOwnDayAcrossTheCutOff() throws Exception {
        Day day = day();
        inject("{\"target\":\"CHANNEL\",\"reference\":\"%s\",\"kind\":\"PREVIOUS_DAY\"}".formatted(day.payout));
        inject("{\"target\":\"CHANNEL\",\"reference\":\"%s\",\"kind\":\"NEXT_DAY\"}".formatted(day.collection));
        inject("{\"target\":\"FUNDING\",\"reference\":\"dd-%s\",\"kind\":\"PREVIOUS_DAY\"}".formatted(day.small));
        LocalDate dayBefore = day.date.minusDays(1);

        List<String> channel = lines(text(get("/sim/v1/channel/statements/" + day.date)));
        List<String> channelBefore = lines(text(get("/sim/v1/channel/statements/" + dayBefore)));
        List<String> fundingBefore = lines(text(get("/sim/v1/funding/" + day.partner + "/statements/" + dayBefore)));

        assertThat(recordsOf(channel, day.payout)).isEmpty();
        assertThat(recordsOf(channel, day.collection)).isEmpty();
        assertThat(recordsOf(channelBefore, day.payout)).singleElement().asString()
                .endsWith(",1000.00,SUCCESS," + dayBefore + "T23:59:59+08:00");
        assertThat(fundingBefore).map(StatementsTest::withoutId)
                .containsExactly(FUNDING_HEADER.substring(FUNDING_HEADER.indexOf(',') + 1),
                        "dd-" + day.small + ",DISBURSEMENT,20.00," + dayBefore, "1,20.00");
        if (day.date.plusDays(1).isAfter(LocalDate.now(SHANGHAI))) {
            assertThat(get("/sim/v1/channel/statements/" + day.date.plusDays(1)).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aRecordOnlyThePartnerHasAppearsOnItsDay() throws Exception {
        Day day = day();
        String extra = "X" + UUID.randomUUID();
        inject("/sim/v1/statements/extra", """
                {"target":"CHANNEL","date":"%s","reference":"%s","direction":"PAYOUT","amount":"88.00"}"""
                .formatted(day.date, extra));
        inject("/sim/v1/statements/extra", """
                {"target":"FUNDING","partnerId":"%s","date":"%s","reference":"dd-%s","type":"DISBURSEMENT","amount":"88.00"}"""
                .formatted(day.partner, day.date, extra));

        List<String> channel = lines(text(get("/sim/v1/channel/statements/" + day.date)));
        List<String> funding = lines(text(get(day.fundingStatement())));

        assertThat(recordsOf(channel, extra)).singleElement().asString()
                .endsWith("," + extra + ",PAYOUT,88.00,SUCCESS," + day.date + "T12:00:00+08:00");
        assertThat(funding).map(StatementsTest::withoutId).contains("dd-" + extra + ",DISBURSEMENT,88.00," + day.date);
        assertThat(funding.getLast()).isEqualTo("TRAILER,4,1163.10");
    }

    private Day day() throws Exception {
        if (day == null) {
            String partner = "partner-t-" + UUID.randomUUID().toString().substring(0, 8);
            Day made = new Day(partner, "T" + UUID.randomUUID(), "C" + UUID.randomUUID(), "T" + UUID.randomUUID(),
                    "T" + UUID.randomUUID(), "T" + UUID.randomUUID(), null);
            submit(made.payout, "PAYOUT", "1000.00", "dd-" + made.payout, partner, null);
            submit(made.collection, "COLLECTION", "55.10", "rp-" + made.collection, partner, null);
            submit(made.small, "PAYOUT", "20.00", "dd-" + made.small, partner, null);
            submit(made.failed, "PAYOUT", "5.00", "dd-" + made.failed, partner, "FAIL");
            submit(made.otherPartners, "PAYOUT", "300.00", "dd-" + made.otherPartners, partner + "-other", null);
            for (String requestNo : List.of(made.payout, made.collection, made.small, made.failed, made.otherPartners)) {
                settled(requestNo);
            }
            LocalDate date = LocalDate.ofInstant(Instant.parse(transfer(made.payout).get("completedAt").asString()), SHANGHAI);
            day = new Day(partner, made.payout, made.collection, made.small, made.failed, made.otherPartners, date);
        }
        return day;
    }

    private record Day(String partner, String payout, String collection, String small, String failed,
                       String otherPartners, LocalDate date) {
        String fundingStatement() {
            return "/sim/v1/funding/" + partner + "/statements/" + date;
        }
    }

    private static void assertTrailerAddsUp(List<String> lines) {
        List<String> records = lines.subList(1, lines.size() - 1);
        BigDecimal total = records.stream().map(line -> new BigDecimal(line.split(",")[3]))
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
        assertThat(lines.getLast()).isEqualTo("TRAILER," + records.size() + "," + total.toPlainString());
    }

    private static List<String> recordsOf(List<String> channelLines, String requestNo) {
        return channelLines.stream().filter(line -> line.split(",")[1].equals(requestNo)).toList();
    }

    private static String withoutId(String line) {
        return line.substring(line.indexOf(',') + 1);
    }

    private static String shanghai(String instant) {
        return StatementRow.INSTANT.format(Instant.parse(instant));
    }

    private static List<String> lines(String file) {
        return Arrays.asList(file.split("\n"));
    }

    private void submit(String requestNo, String direction, String amount, String reference, String fundingAccount,
                        String fault) throws Exception {
        String body = """
                {"requestNo":"%s","agreementNo":"AGR1","amount":"%s","reference":"%s","direction":"%s"%s}"""
                .formatted(requestNo, amount, reference, direction,
                        fundingAccount == null ? "" : ",\"fundingAccount\":\"" + fundingAccount + "\"");
        HttpRequest.Builder request = request("/sim/v1/channel/transfers").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (fault != null) {
            request.header("X-Sim-Fault", fault);
        }
        assertThat(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    }

    private void settled(String requestNo) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ("PROCESSING".equals(transfer(requestNo).get("status").asString())) {
            assertThat(System.nanoTime()).as("transfer %s settles", requestNo).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private JsonNode transfer(String requestNo) throws Exception {
        return JSON.readTree(send("GET", "/sim/v1/channel/transfers/" + requestNo, null).body());
    }

    private void inject(String breakJson) throws Exception {
        inject("/sim/v1/statements/breaks", breakJson);
    }

    private void inject(String path, String json) throws Exception {
        HttpResponse<String> injected = send("POST", path, json);
        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(201);
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path));
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(path)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

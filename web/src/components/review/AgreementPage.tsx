import NextLink from "next/link";
import { Badge, Card, Flex, Grid, Heading, Link, Table, Text, VisuallyHidden } from "@radix-ui/themes";
import type { AgreementPageView } from "@/server/review/agreementView";
import { PageHeader } from "@/components/ui/PageHeader";
import { StatTile } from "@/components/ui/StatTile";
import { EmptyState } from "@/components/ui/EmptyState";
import { failureCategoryLabel } from "@/components/ui/labels";

const figure = (value: number | null) => (value === null ? "—" : value.toFixed(3));

/**
 * How consistently annotators label: Krippendorff's alpha overall, Cohen's kappa per pair,
 * and the items they disagree on, as far as the viewer may see labels (agreementView).
 */
export function AgreementPage({ projectId, view }: { projectId: string; view: AgreementPageView }) {
  return (
    <>
      <PageHeader
        title="Annotator agreement"
        description={
          <>
            On failure categories (&quot;no failure&quot; counts as an answer), over the {view.items} items with two or more annotations.
            Set &quot;annotations per item&quot; in Settings.
          </>
        }
      />
      <Grid columns={{ initial: "2", md: "4" }} gap="3" mb="4">
        <StatTile label="Krippendorff's alpha (nominal)" value={figure(view.alpha)} hint="1 is full agreement, 0 is chance" />
        <StatTile label="Items labelled twice or more" value={view.items} />
        <StatTile
          label={view.adjudicates ? "Disagreements to settle" : "Disagreements you are part of"}
          value={view.disagreements.length}
        />
      </Grid>
      {view.adjudicates ? null : (
        <Text as="p" size="2" color="gray" mb="4">
          Labels stay independent: you see the pairs you are part of and disagreements on items you labelled yourself. Owners and admins see
          all of them and settle disagreements.
        </Text>
      )}
      <Flex direction="column" gap="5">
        <section aria-labelledby="pairs-heading">
          <Heading as="h2" size="4" mb="3" id="pairs-heading">
            Pairs of annotators
          </Heading>
          {view.pairs.length === 0 ? (
            <EmptyState title="No pairs yet">Agreement appears once two annotators have labelled the same items.</EmptyState>
          ) : (
            <Table.Root variant="surface">
              <VisuallyHidden asChild>
                <caption>Agreement per annotator pair</caption>
              </VisuallyHidden>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Annotators</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end">Items both labelled</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell justify="end">Cohen&apos;s kappa</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {view.pairs.map((pair) => (
                  <Table.Row key={`${pair.first} ${pair.second}`}>
                    <Table.RowHeaderCell>
                      {pair.first} · {pair.second}
                    </Table.RowHeaderCell>
                    <Table.Cell justify="end">{pair.items}</Table.Cell>
                    <Table.Cell justify="end">{figure(pair.kappa)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table.Root>
          )}
        </section>
        <section aria-labelledby="disagreements-heading">
          <Heading as="h2" size="4" mb="3" id="disagreements-heading">
            {view.adjudicates ? "Disagreements to adjudicate" : "Disagreements on items you labelled"}
          </Heading>
          {view.disagreements.length === 0 ? (
            <EmptyState title="No disagreements">Every item labelled more than once got the same category from each annotator.</EmptyState>
          ) : (
            <Flex direction="column" gap="2" asChild>
              <ul aria-label="Disagreements" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                {view.disagreements.map((item) => (
                  <li key={item.itemId}>
                    <Card size="1">
                      <Flex direction="column" gap="2">
                        <Link asChild weight="medium">
                          <NextLink href={`/projects/${projectId}/review/${item.itemId}`}>
                            {item.question || `Trace ${item.traceId}`}
                          </NextLink>
                        </Link>
                        <Flex gap="2" wrap="wrap">
                          {item.labels.map((label) => (
                            <Badge key={label.annotator} color={label.category ? "red" : "green"} variant="soft">
                              {label.annotator}: {label.category ? failureCategoryLabel(label.category) : "No failure"}
                            </Badge>
                          ))}
                        </Flex>
                      </Flex>
                    </Card>
                  </li>
                ))}
              </ul>
            </Flex>
          )}
        </section>
      </Flex>
    </>
  );
}

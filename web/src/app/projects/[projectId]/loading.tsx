import { Card, Flex, Grid, Skeleton } from "@radix-ui/themes";

/**
 * Shown inside the shell while a page's data loads (a slow metrics range, a long queue),
 * in the shape most pages have: a title, a row of figures, then a table or cards.
 */
export default function Loading() {
  return (
    <Flex direction="column" gap="5" role="status" aria-busy="true" aria-label="Loading">
      <Skeleton width="240px" height="32px" />
      <Grid columns={{ initial: "2", md: "4" }} gap="3">
        {[0, 1, 2, 3].map((index) => (
          <Card key={index}>
            <Skeleton height="48px" />
          </Card>
        ))}
      </Grid>
      <Card>
        <Flex direction="column" gap="3">
          {[0, 1, 2, 3, 4, 5].map((index) => (
            <Skeleton key={index} height="20px" />
          ))}
        </Flex>
      </Card>
    </Flex>
  );
}

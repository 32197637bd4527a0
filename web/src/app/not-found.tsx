import { Flex } from "@radix-ui/themes";
import { NotFoundPanel } from "@/components/ui/NotFoundPanel";

export default function NotFound() {
  return (
    <Flex justify="center" p="6">
      <div style={{ width: "min(560px, 100%)" }}>
        <NotFoundPanel what="Page" backHref="/" backLabel="Go to the console" />
      </div>
    </Flex>
  );
}
